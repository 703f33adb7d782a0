// SPDX-License-Identifier: MIT
#include "app/gui/appearance.h"

#include "app/gui/translate.h"

#include <QApplication>
#include <QEvent>
#include <QFontDatabase>
#include <QStyle>

#include <algorithm>

namespace msb::app {

const std::vector<std::pair<Theme, QString>>& themeLabels()
{
    static const std::vector<std::pair<Theme, QString>> labels = {{Theme::System, tr("Follow the system")},
        {Theme::Light, tr("Light")}, {Theme::Dark, tr("Dark")}, {Theme::HighContrast, tr("High contrast")}};
    return labels;
}

std::optional<Theme> themeFromName(const QString& name)
{
    if (name == QStringLiteral("system"))
        return Theme::System;
    if (name == QStringLiteral("light"))
        return Theme::Light;
    if (name == QStringLiteral("dark"))
        return Theme::Dark;
    if (name == QStringLiteral("high-contrast"))
        return Theme::HighContrast;
    return std::nullopt;
}

QPalette darkPalette()
{
    QPalette p;
    const QColor window(0x2B, 0x2D, 0x30);
    const QColor base(0x1E, 0x1F, 0x22);
    const QColor text(0xE8, 0xE8, 0xE8);
    const QColor disabledText(0x8A, 0x8A, 0x8A);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x33, 0x36, 0x3A));
    p.setColor(QPalette::ToolTipBase, QColor(0x3C, 0x3F, 0x41));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, disabledText);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x3C, 0x3F, 0x41));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(0xFF, 0x6E, 0x6E));
    p.setColor(QPalette::Link, QColor(0x6C, 0xB6, 0xFF));
    p.setColor(QPalette::Highlight, QColor(0x35, 0x74, 0xF0));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Light, QColor(0x50, 0x53, 0x57));
    p.setColor(QPalette::Midlight, QColor(0x45, 0x48, 0x4C));
    p.setColor(QPalette::Mid, QColor(0x36, 0x38, 0x3B));
    p.setColor(QPalette::Dark, QColor(0x1A, 0x1B, 0x1D));
    p.setColor(QPalette::Shadow, Qt::black);
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabledText);
    p.setColor(QPalette::Disabled, QPalette::Button, QColor(0x33, 0x35, 0x38));
    return p;
}

QPalette lightPalette()
{
    return QApplication::style()->standardPalette();
}

/// Fusion draws slider grooves and handles in shades of the window colour, which vanish on a
/// black window: in high contrast they get white outlines and the accent instead.
QString highContrastStyleSheet()
{
    return QStringLiteral(
        "QSlider::groove:horizontal { border: 1px solid white; height: 6px; background: black; border-radius: 3px; }"
        " QSlider::sub-page:horizontal { background: #FFE000; border: 1px solid white; border-radius: 3px; }"
        " QSlider::handle:horizontal { background: white; border: 2px solid black; width: 14px; margin: -6px 0;"
        " border-radius: 8px; }"
        " QSlider::handle:horizontal:focus { background: #FFE000; border-color: white; }"
        " QSlider::handle:horizontal:disabled { background: #A8A8A8; }");
}

QPalette highContrastPalette()
{
    QPalette p;
    const QColor ground(Qt::black);
    const QColor text(Qt::white);
    const QColor accent(0xFF, 0xE0, 0x00); // yellow on black: about 15:1
    // Disabled text stays readable (about 7.5:1 on black); only its hue says it is disabled.
    const QColor disabledText(0xA8, 0xA8, 0xA8);
    for (auto role : {QPalette::Window, QPalette::Base, QPalette::AlternateBase, QPalette::Button,
             QPalette::ToolTipBase, QPalette::Shadow, QPalette::Dark, QPalette::Mid})
        p.setColor(role, ground);
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText, QPalette::ToolTipText,
             QPalette::BrightText, QPalette::Light, QPalette::Midlight})
        p.setColor(role, text);
    p.setColor(QPalette::AlternateBase, QColor(0x1A, 0x1A, 0x1A));
    p.setColor(QPalette::PlaceholderText, disabledText);
    p.setColor(QPalette::Link, QColor(0x66, 0xDD, 0xFF));
    p.setColor(QPalette::LinkVisited, QColor(0xFF, 0x99, 0xFF));
    p.setColor(QPalette::Highlight, accent);
    p.setColor(QPalette::HighlightedText, ground);
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabledText);
    return p;
}

Appearance::Appearance(QObject* parent)
    : QObject(parent)
    , m_baseFont(QApplication::font())
    , m_systemPalette(QApplication::palette())
{
    // The desktop announces a new font size with a ThemeChange event to every window.
    qApp->installEventFilter(this);
}

Appearance::~Appearance() = default;

void Appearance::setTheme(Theme theme)
{
    m_theme = theme;
    m_applying = true;
    switch (theme) {
    case Theme::System:
        QApplication::setPalette(m_systemPalette);
        break;
    case Theme::Light:
        QApplication::setPalette(lightPalette());
        break;
    case Theme::Dark:
        QApplication::setPalette(darkPalette());
        break;
    case Theme::HighContrast:
        QApplication::setPalette(highContrastPalette());
        break;
    }
    qApp->setStyleSheet(theme == Theme::HighContrast ? highContrastStyleSheet() : QString());
    m_applying = false;
    Q_EMIT paletteApplied();
}

void Appearance::setZoom(double zoom)
{
    m_zoom = std::clamp(zoom, 0.5, 3.0);
    applyFont();
}

void Appearance::applyFont()
{
    QFont font = m_baseFont;
    if (font.pointSizeF() > 0)
        font.setPointSizeF(m_baseFont.pointSizeF() * m_zoom);
    else
        font.setPixelSize(qRound(m_baseFont.pixelSize() * m_zoom));
    m_applying = true;
    QApplication::setFont(font);
    m_applying = false;
    Q_EMIT fontApplied();
}

void Appearance::followSystemFont(const QFont& font)
{
    if (font == m_baseFont)
        return;
    m_baseFont = font;
    applyFont();
}

bool Appearance::eventFilter(QObject* watched, QEvent* event)
{
    // Every window gets the event; only the first one finds a font that differs.
    if (event->type() == QEvent::ThemeChange && !m_applying)
        followSystemFont(QFontDatabase::systemFont(QFontDatabase::GeneralFont));
    return QObject::eventFilter(watched, event);
}

} // namespace msb::app
