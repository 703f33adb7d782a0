# SPDX-License-Identifier: MIT
# bash completion for migration-sandbox-cli (installed as
# share/bash-completion/completions/migration-sandbox-cli).
#
# CLI11 has no completion generator, so this reads the program's own --help at completion time:
# sub-commands, options, the choices an option accepts ({none,por}) and the positional argument's
# kind (SCENARIO, LESSON, a *.msrec.json FILE). Names are asked from the CLI too: scenarios, presets
# and knobs from `list`, lessons from `lesson --help`. Nothing is listed here, so nothing can drift;
# tests/install/check_completion.sh checks the reading against the CLI's real help.

# Prints the sub-commands a --help text lists.
_migration_sandbox_cli_subcommands() {
    awk '/^Subcommands:/ { on = 1; next } /^[^ ]/ { on = 0 } on && /^  [a-z]/ { print $1 }' <<<"$1"
}

# Prints the option names (-h, --help, --preset, ...) a --help text lists.
_migration_sandbox_cli_options() {
    awk '/^Options:/ { on = 1; next } /^[^ ]/ { on = 0 }
         on && /^  -/ { n = split($1, names, ","); for (i = 1; i <= n; i++) print names[i] }' <<<"$1"
}

# Prints the entries of one section of `migration-sandbox-cli list`: scenarios, presets or knobs
# (knobs as key= and key=value).
_migration_sandbox_cli_list() {
    "$1" list 2>/dev/null | awk -v want="$2" '
        /^[A-Z][a-z]+ \(/ { section = tolower($1); next }
        section != want { next }
        want == "knobs" && /^  [a-z_]+: / { knob = substr($1, 1, length($1) - 1); print knob "="; next }
        want == "knobs" && /^      [a-z]/ && knob != "" { print knob "=" $1; next }
        want != "knobs" && /^  [a-z0-9]/ { print $1 }'
}

# Prints the built-in lessons named in `migration-sandbox-cli lesson --help`.
_migration_sandbox_cli_lessons() {
    "$1" lesson --help 2>/dev/null | sed -n 's/^Built-in lessons: //p' | tr -d ',' | tr ' ' '\n'
}

# Adds the directories and the files matching the glob $1 under $cur to COMPREPLY.
_migration_sandbox_cli_files() {
    compopt -o filenames 2>/dev/null
    mapfile -t -O "${#COMPREPLY[@]}" COMPREPLY < <(compgen -d -- "$cur")
    mapfile -t -O "${#COMPREPLY[@]}" COMPREPLY < <(compgen -f -X "!$1" -- "$cur")
}

_migration_sandbox_cli() {
    # Bash splits words at '=' and ':' (COMP_WORDBREAKS); split the line at blanks only, so that
    # --set check=strict and HOST:PORT stay one word.
    local line=${COMP_LINE:0:COMP_POINT}
    local -a words
    read -ra words <<<"$line"
    [[ $line == *[[:blank:]] || ${#words[@]} -eq 0 ]] && words+=("")
    local cli=${words[0]} cur=${words[-1]} prev=""
    ((${#words[@]} > 1)) && prev=${words[-2]}
    local prev2="" # explore --diff takes two presets: the word before the first one
    ((${#words[@]} > 2)) && prev2=${words[-3]}
    COMPREPLY=()

    # The sub-command path typed so far (e.g. classroom host), and its help text.
    local -a path=()
    local help word i
    help=$("$cli" --help 2>/dev/null) || return 0
    for ((i = 1; i < ${#words[@]} - 1; i++)); do
        word=${words[i]}
        grep -qxF -- "$word" <<<"$(_migration_sandbox_cli_subcommands "$help")" || break
        path+=("$word")
        help=$("$cli" "${path[@]}" --help 2>/dev/null) || return 0
    done

    local values="" files=""
    # The value of the option before the cursor, if it takes one ("  --name TYPE ..." in the help).
    local option_line=""
    [[ $prev == -* ]] && option_line=$(grep -E -m1 -- "^  (-[A-Za-z],)?${prev}( [A-Z]|$)" <<<"$help")
    if [[ $prev2 == --diff && $prev != -* ]]; then
        values=$(_migration_sandbox_cli_list "$cli" presets)
    elif [[ $option_line =~ ^\ \ [^\ ]+\ [A-Z] ]]; then
        if [[ $option_line =~ :\{([^}]*)\} ]]; then
            values=${BASH_REMATCH[1]//,/ }
        elif [[ $prev == --preset || $prev == --diff ]]; then
            values=$(_migration_sandbox_cli_list "$cli" presets)
            [[ $prev == --preset && ($help == *"--preset all"* || $option_line == *"\`all\`"*) ]] && values+=" all"
        elif [[ $prev == --set || $prev == --set-a || $prev == --set-b ]]; then
            # First the key (check=, ...; threads= and pages= for n-faults), then its values.
            values=$(_migration_sandbox_cli_list "$cli" knobs)
            [[ " ${words[*]} " == *" n-faults "* ]] && values+=$'\nthreads=\npages='
            if [[ $cur == *=* ]]; then
                values=$(grep -v '=$' <<<"$values")
            else
                values=$(grep '=$' <<<"$values")
                compopt -o nospace 2>/dev/null
            fi
        elif [[ $option_line == *"*.msrec.json"* ]]; then
            files="*.msrec.json"
        fi
        # Anything else (a number, an address, a join code) has nothing to offer.
    elif [[ $cur == -* ]]; then
        values=$(_migration_sandbox_cli_options "$help")
    else
        values=$(_migration_sandbox_cli_subcommands "$help")
        # The positional argument, by the name the help gives it.
        local positional
        positional=$(awk '/^Positionals:/ { getline; print; exit }' <<<"$help")
        case "$positional" in
            "  SCENARIO "*)
                values+=" $(_migration_sandbox_cli_list "$cli" scenarios)"
                files="*.json"
                ;;
            "  LESSON "*)
                values+=" $(_migration_sandbox_cli_lessons "$cli")"
                files="*.json"
                ;;
            *"*.msrec.json"*) files="*.msrec.json" ;;
            "  FILE "*) files="*" ;;
        esac
    fi

    mapfile -t COMPREPLY < <(compgen -W "$values" -- "$cur")
    [[ -n $files ]] && _migration_sandbox_cli_files "$files"
    # Bash replaces only the part of the word after the last '=' or ':'; drop what comes before.
    if [[ $cur == *[=:]* ]]; then
        local before=${cur%"${cur##*[=:]}"}
        COMPREPLY=("${COMPREPLY[@]#"$before"}")
    fi
    return 0
}

complete -F _migration_sandbox_cli migration-sandbox-cli
