// SPDX-License-Identifier: MIT
// The History tab's watch expressions (core/expression.h, docs/expressions.md): each is parsed once
// against the scenario and evaluated on every position of the run, as `run --watch` does.
#pragma once

#include "core/expression.h"
#include "core/model.h"
#include "core/scenario.h"
#include "core/state.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace msb::app {

class WatchList
{
public:
    /*! Parses text against the scenario and adds it; on a parse error adds nothing and returns
        the message, which names the column ("column 12: expected ')' after 'T2'"). */
    QString add(const QString& text, const core::Scenario& scenario);
    void remove(int index);
    void clear() { m_watches.clear(); }

    int size() const { return int(m_watches.size()); }
    bool isEmpty() const { return m_watches.empty(); }
    const core::Expression& at(int index) const { return m_watches[std::size_t(index)]; }
    QString text(int index) const;

    /*! Parses every watch again against another scenario, dropping the ones that no longer
        parse; returns a note per dropped watch ("sleeping(T3): column 10: …"). */
    QStringList rebind(const core::Scenario& scenario);

    /*! One watch's value in a state, as the expression language writes it: 3, true, T1, MIGR. */
    QString valueAt(int index, const core::Model& model, const core::State& state) const;
    /*! Every watch with its value: "page_count(D0)=3 · sleeping(T2)=true" (empty without watches). */
    QString valuesAt(const core::Model& model, const core::State& state) const;

private:
    std::vector<core::Expression> m_watches;
};

} // namespace msb::app
