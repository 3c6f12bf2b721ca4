#!/usr/bin/env bash
# Regenerate the HB0605 redlines kept in reports/ with the statdiff CLI: the HTML of both,
# and for the first also Word (tracked changes), PDF (needs statdiff[pdf] and Chromium) and
# two of the PDF's pages as pictures (needs pdftoppm, from poppler-utils).
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

for suffix in html docx pdf; do
    redline statutes/pipa/815ILCS530_through_PA094-0947.txt statutes/seeds/002_524df963b8163e99.txt \
        --notes reports/notes-headline.yaml \
        --title "815 ILCS 530 through P.A. 94-947 vs HB0605 (95th GA, introduced)" \
        -o "reports/headline-through-PA094-0947.$suffix"
done
for page in 1 2; do
    pdftoppm -png -r 80 -f "$page" -l "$page" -singlefile reports/headline-through-PA094-0947.pdf \
        "reports/headline-pdf-page$page" || exit 1
done

redline statutes/pipa/815ILCS530_as_enacted_PA094-0036.txt statutes/seeds/002_524df963b8163e99.txt \
    --notes reports/notes-headline.yaml \
    --title "815 ILCS 530 as enacted by P.A. 94-36 vs HB0605 (95th GA, introduced)" \
    -o reports/headline-as-enacted-PA094-0036.html
