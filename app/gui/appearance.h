// SPDX-License-Identifier: MIT
// How the application looks: the theme (the system's palette, light, dark or high contrast) and
// the presenter zoom of the text. The text size starts from the system's font and follows it when
// the desktop changes it, so a user who set large text gets large text here too.
#pragma once

#include <QFont>
#include <QObject>
#include <QPalette>
#include <QString>

#include <optional>
#include <utility>
#include <vector>

namespace msb::app {

enum class Theme { System, Light, Dark, HighContrast };

/*! The themes with their menu labels, in menu order. */
const std::vector<std::pair<Theme, QString>>& themeLabels();
/*! "light", "dark", "high-contrast" (the command line's names); "system" too. */
std::optional<Theme> themeFromName(const QString& name);

/*! A dark palette for the Fusion style. */
QPalette darkPalette();
QPalette lightPalette();
/*! Black ground, white text, yellow focus and selection: at least 7:1 contrast (WCAG AAA) for
    every text role, also when disabled. */
QPalette highContrastPalette();

/*! Owns the application-wide palette and font. One per application (the main window's). */
class Appearance : public QObject
{
    Q_OBJECT

public:
    explicit Appearance(QObject* parent = nullptr);
    ~Appearance() override;

    Theme theme() const { return m_theme; }
    double zoom() const { return m_zoom; }
    /*! The font the zoom multiplies: the system's, as last reported by the desktop. */
    QFont baseFont() const { return m_baseFont; }

    void setTheme(Theme theme);
    /*! Clamped to [0.5, 3]. */
    void setZoom(double zoom);
    /*! The desktop's font changed (a ThemeChange event): the text keeps its zoom over the new size. */
    void followSystemFont(const QFont& font);

Q_SIGNALS:
    /*! QApplication's palette changed. */
    void paletteApplied();
    /*! QApplication's font changed (zoom or the desktop's font size). */
    void fontApplied();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void applyFont();

    Theme m_theme = Theme::System;
    double m_zoom = 1.0;
    QFont m_baseFont;
    QPalette m_systemPalette;
    bool m_applying = false;
};

} // namespace msb::app
