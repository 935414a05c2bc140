// Directives of the lesson format that configure the simulator beyond the plain scenario format.
#include "lesson/scenario_parser.h"

namespace tcplab {

void registerVariantDirectives(ScenarioParser &parser)
{
    (void)parser;
}

} // namespace tcplab
