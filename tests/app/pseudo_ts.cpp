// SPDX-License-Identifier: MIT
// pseudo_ts IN.ts OUT.ts: writes a pseudo translation of IN.ts (as lupdate extracted it from the
// sources) in which every message reads "[!! source !!]". A text on screen without the brackets
// did not go through tr() (tst_translations).
#include <QFile>
#include <QXmlStreamReader>
#include <QXmlStreamWriter>

#include <cstdio>

int main(int argc, char** argv)
{
    if (argc != 3) {
        std::fprintf(stderr, "usage: pseudo_ts IN.ts OUT.ts\n");
        return 2;
    }
    QFile in(QString::fromLocal8Bit(argv[1]));
    QFile out(QString::fromLocal8Bit(argv[2]));
    if (!in.open(QIODevice::ReadOnly) || !out.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        std::fprintf(stderr, "pseudo_ts: cannot open %s or %s\n", argv[1], argv[2]);
        return 1;
    }
    QXmlStreamReader reader(&in);
    QXmlStreamWriter writer(&out);
    writer.setAutoFormatting(true);
    writer.writeStartDocument();
    writer.writeDTD(QStringLiteral("<!DOCTYPE TS>"));
    writer.writeStartElement(QStringLiteral("TS"));
    writer.writeAttribute(QStringLiteral("version"), QStringLiteral("2.1"));
    writer.writeAttribute(QStringLiteral("language"), QStringLiteral("de_DE")); // two plural forms
    int messages = 0;
    QString context;
    QString source;
    bool numerus = false;
    while (!reader.atEnd()) {
        reader.readNext();
        if (reader.isStartElement() && reader.name() == QStringLiteral("name"))
            context = reader.readElementText();
        else if (reader.isStartElement() && reader.name() == QStringLiteral("message"))
            numerus = reader.attributes().value(QStringLiteral("numerus")) == QStringLiteral("yes");
        else if (reader.isStartElement() && reader.name() == QStringLiteral("source"))
            source = reader.readElementText();
        else if (reader.isEndElement() && reader.name() == QStringLiteral("message")) {
            writer.writeStartElement(QStringLiteral("context"));
            writer.writeTextElement(QStringLiteral("name"), context);
            writer.writeStartElement(QStringLiteral("message"));
            if (numerus)
                writer.writeAttribute(QStringLiteral("numerus"), QStringLiteral("yes"));
            writer.writeTextElement(QStringLiteral("source"), source);
            const QString pseudo = QStringLiteral("[!! ") + source + QStringLiteral(" !!]");
            writer.writeStartElement(QStringLiteral("translation"));
            if (numerus) {
                writer.writeTextElement(QStringLiteral("numerusform"), pseudo);
                writer.writeTextElement(QStringLiteral("numerusform"), pseudo);
            } else {
                writer.writeCharacters(pseudo);
            }
            writer.writeEndElement(); // translation
            writer.writeEndElement(); // message
            writer.writeEndElement(); // context
            ++messages;
        }
    }
    writer.writeEndElement();
    writer.writeEndDocument();
    if (reader.hasError()) {
        std::fprintf(stderr, "pseudo_ts: %s: %s\n", argv[1], qPrintable(reader.errorString()));
        return 1;
    }
    std::printf("pseudo_ts: %d messages\n", messages);
    return messages > 0 ? 0 : 1;
}
