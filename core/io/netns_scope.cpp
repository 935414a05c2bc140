#include "io/netns_scope.h"

#include "io/tun_device.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sched.h>
#include <unistd.h>

namespace tcplab {

NetnsScope::~NetnsScope()
{
    leave();
}

std::string NetnsScope::enter()
{
    if (active()) return {};
    // thread-self, not self: a namespace belongs to a thread, and gtest may run us on any thread.
    const int original = ::open("/proc/thread-self/ns/net", O_RDONLY | O_CLOEXEC);
    if (original < 0) return std::string("cannot open /proc/thread-self/ns/net: ") + std::strerror(errno);
    if (::unshare(CLONE_NEWNET) != 0) {
        const int err = errno;
        ::close(original);
        return std::string("unshare(CLONE_NEWNET) failed: ") + std::strerror(err) +
               (err == EPERM ? " (needs root or CAP_SYS_ADMIN)" : "");
    }
    m_originalFd = original;
    if (std::string error = setInterfaceUp("lo"); !error.empty()) {
        leave();
        return error;
    }
    return {};
}

std::string NetnsScope::leave()
{
    if (!active()) return {};
    std::string error;
    if (::setns(m_originalFd, CLONE_NEWNET) != 0)
        error = std::string("setns back to the original namespace failed: ") + std::strerror(errno);
    ::close(m_originalFd);
    m_originalFd = -1;
    return error;
}

} // namespace tcplab
