// SPDX-License-Identifier: MIT
// mime-type-of FILE...: prints the MIME type Qt's shared-mime-info reader gives each file, one a
// line, the way a Qt file manager or file dialog decides which program opens it.
#include <QCoreApplication>
#include <QMimeDatabase>

#include <cstdio>

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QMimeDatabase database;
    for (const QString& path : QCoreApplication::arguments().mid(1)) {
        const QMimeType type = database.mimeTypeForFile(path);
        std::printf("%s %s\n", qPrintable(type.name()),
            type.inherits(QStringLiteral("application/json")) ? "json" : "not-json");
    }
    return 0;
}
