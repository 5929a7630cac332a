// Replays every file of a fuzz corpus through a fuzz target, so each ctest run exercises the
// inputs the fuzzer found (crashes it fixed included). Fails when the folder is empty.
#include <QByteArray>
#include <QDirIterator>
#include <QFile>

#include <cstdint>
#include <cstdio>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size);

int main(int argc, char **argv)
{
    if (argc != 2) {
        std::fprintf(stderr, "usage: %s <corpus folder>\n", argv[0]);
        return 2;
    }
    int count = 0;
    QDirIterator it(QString::fromLocal8Bit(argv[1]), QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly)) {
            std::fprintf(stderr, "cannot read %s\n", qPrintable(path));
            return 1;
        }
        const QByteArray data = f.readAll();
        LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t *>(data.constData()),
                               static_cast<std::size_t>(data.size()));
        ++count;
    }
    std::printf("%d passed, 0 failed\n", count);
    if (count == 0) {
        std::fprintf(stderr, "no corpus files under %s\n", argv[1]);
        return 1;
    }
    return 0;
}
