// check_screenshot FILE WIDTH HEIGHT MIN_COLOURS: exit 0 when FILE is a PNG of exactly WIDTH×HEIGHT
// pixels with at least MIN_COLOURS distinct colours (a rendered window, not a blank or black one).
#include <QImage>
#include <QSet>
#include <QString>

#include <cstdio>

int main(int argc, char *argv[])
{
    if (argc != 5) {
        std::fprintf(stderr, "usage: check_screenshot FILE WIDTH HEIGHT MIN_COLOURS\n");
        return 2;
    }
    const QString file = QString::fromLocal8Bit(argv[1]);
    const int width = QString::fromLocal8Bit(argv[2]).toInt();
    const int height = QString::fromLocal8Bit(argv[3]).toInt();
    const int minColours = QString::fromLocal8Bit(argv[4]).toInt();

    QImage image;
    if (!image.load(file, "PNG")) {
        std::fprintf(stderr, "%s: not a readable PNG\n", argv[1]);
        return 1;
    }
    if (image.width() != width || image.height() != height) {
        std::fprintf(stderr, "%s: %dx%d, expected %dx%d\n", argv[1], image.width(), image.height(), width,
                     height);
        return 1;
    }
    const QImage rgb = image.convertToFormat(QImage::Format_RGB32);
    QSet<QRgb> colours;
    for (int y = 0; y < rgb.height(); ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(rgb.constScanLine(y));
        for (int x = 0; x < rgb.width(); ++x)
            colours.insert(line[x]);
    }
    std::printf("%s: %dx%d, %lld distinct colours\n", argv[1], image.width(), image.height(),
                static_cast<long long>(colours.size()));
    if (colours.size() < minColours) {
        std::fprintf(stderr, "%s: only %lld distinct colours, expected at least %d: is it blank?\n", argv[1],
                     static_cast<long long>(colours.size()), minColours);
        return 1;
    }
    return 0;
}
