// SPDX-License-Identifier: MIT
#include "app/gui/watch_list.h"

#include <QObject>

namespace msb::app {

QString WatchList::add(const QString& text, const core::Scenario& scenario)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return QObject::tr("type an expression, e.g. page_count(D0) or sleeping(T2)");
    auto parsed = core::Expression::parse(trimmed.toStdString(), scenario);
    if (!parsed)
        return QString::fromStdString(parsed.error().message);
    for (const core::Expression& watch : m_watches) {
        if (watch.text() == parsed.value().text())
            return QObject::tr("%1 is already watched").arg(trimmed);
    }
    m_watches.push_back(std::move(parsed).value());
    return {};
}

void WatchList::remove(int index)
{
    if (index >= 0 && index < size())
        m_watches.erase(m_watches.begin() + index);
}

QString WatchList::text(int index) const
{
    return QString::fromStdString(at(index).text());
}

QStringList WatchList::rebind(const core::Scenario& scenario)
{
    QStringList dropped;
    std::vector<core::Expression> kept;
    for (const core::Expression& watch : m_watches) {
        auto parsed = core::Expression::parse(watch.text(), scenario);
        if (parsed)
            kept.push_back(std::move(parsed).value());
        else
            dropped << QStringLiteral("%1: %2").arg(
                QString::fromStdString(watch.text()), QString::fromStdString(parsed.error().message));
    }
    m_watches = std::move(kept);
    return dropped;
}

QString WatchList::valueAt(int index, const core::Model& model, const core::State& state) const
{
    return QString::fromStdString(core::valueText(model.scenario(), at(index).evaluate(model, state)));
}

QString WatchList::valuesAt(const core::Model& model, const core::State& state) const
{
    QStringList parts;
    for (int i = 0; i < size(); ++i)
        parts << text(i) + QLatin1Char('=') + valueAt(i, model, state);
    return parts.join(QStringLiteral(" · "));
}

} // namespace msb::app
