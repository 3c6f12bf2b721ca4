#!/usr/bin/env bash
# Regenerate the HB0605 redlines kept in reports/ with the statdiff CLI.
# Run from anywhere: bash reports/regenerate.sh
# (statdiff exits 1 when it finds changes, which is what we expect here.)
set -u
cd "$(dirname "$0")/.."

redline() {
    statdiff redline "$@"
    status=$?
    if [ "$status" -ne 0 ] && [ "$status" -ne 1 ]; then
        echo "regenerate.sh: statdiff redline failed ($status)" >&2
        exit "$status"
    fi
}

redline statutes/pipa/815ILCS530_through_PA094-0947.txt statutes/seeds/002_524df963b8163e99.txt \
    --notes reports/notes-headline.yaml \
    --title "815 ILCS 530 through P.A. 94-947 vs HB0605 (95th GA, introduced)" \
    -o reports/headline-through-PA094-0947.html

redline statutes/pipa/815ILCS530_as_enacted_PA094-0036.txt statutes/seeds/002_524df963b8163e99.txt \
    --notes reports/notes-headline.yaml \
    --title "815 ILCS 530 as enacted by P.A. 94-36 vs HB0605 (95th GA, introduced)" \
    -o reports/headline-as-enacted-PA094-0036.html
