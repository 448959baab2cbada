#!/usr/bin/env bash
# release.sh VERSION: prepare a lockstep release of corskit's modules, locally.
#
#   scripts/release.sh v0.2.0        (or: make release VERSION=v0.2.0)
#
# 1. refuses unless the working tree is clean (no change, no untracked file),
#    VERSION is a semantic version below v2, no tag of the release exists yet
#    and CHANGELOG.md has a section for it;
# 2. sets every require of a corskit module, in every go.mod, to VERSION (the
#    replace directives stay);
# 3. runs make test (CORSKIT_RELEASE_SKIP_TESTS=1 skips it: only for trying
#    this script out, never for a real release) and, if a go.mod changed,
#    commits the go.mod files;
# 4. tags the commit once per released module, as Go finds a version of a
#    module in a subdirectory: core/VERSION, adapters/gin/VERSION, ...,
#    cmd/corscheck/VERSION
#
# It pushes nothing: it prints the command that publishes the release.
# RELEASING.md describes the whole process.
set -euo pipefail
cd "$(dirname "$0")/.."

die() {
	echo "release: $*" >&2
	exit 1
}

[ $# -eq 1 ] || { echo "usage: $0 vX.Y.Z" >&2; exit 2; }
version=$1
semver='^v(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)(-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?$'
[[ $version =~ $semver ]] || die "$version is not a semantic version such as v0.2.0 or v1.0.0-rc.1"
major=${BASH_REMATCH[1]}
[ "$major" -lt 2 ] || die "$version: a major version above 1 needs new module paths (/v$major), which this script does not make"

# The released modules: the core, every adapter and every command (the list
# internal/installtest installs). The other modules (bench, e2e, examples,
# core/configtest, internal/installtest, modules in testdata) are tests and
# demos that no user requires: they get no tag, but their go.mod files follow
# the rule too.
modules=(core)
for dir in adapters/*/ cmd/*/; do
	[ -f "$dir/go.mod" ] && modules+=("${dir%/}")
done

if [ -n "$(git status --porcelain)" ]; then
	git status --short >&2
	die "the working tree is not clean: commit or remove the changes above first"
fi

existing=()
for m in "${modules[@]}"; do
	if git rev-parse -q --verify "refs/tags/$m/$version" >/dev/null; then
		existing+=("$m/$version")
	fi
done
[ ${#existing[@]} -eq 0 ] || die "tags already exist: ${existing[*]}; a published version never changes: release a new one"

heading="^## \[$(printf '%s' "${version#v}" | sed 's/\./\\./g')\] - [0-9]{4}-[0-9]{2}-[0-9]{2}\$"
grep -qE "$heading" CHANGELOG.md ||
	die "CHANGELOG.md has no dated section \"## [${version#v}] - YYYY-MM-DD\": write it (RELEASING.md, step 2) and commit it first"

# Every require of a corskit module, in every go.mod, at the version.
changed=()
while IFS= read -r gomod; do
	before=$(cat "$gomod")
	# The corskit modules this go.mod requires (replace lines have "=>").
	paths=$(grep -E '^[[:space:]]*(require[[:space:]]+)?github\.com/corskit/corskit/[^[:space:]]+[[:space:]]+v' "$gomod" |
		grep -v '=>' | sed -E 's/^[[:space:]]*(require[[:space:]]+)?//; s/[[:space:]].*//' || true)
	for p in $paths; do
		go mod edit -require="$p@$version" "$gomod"
	done
	[ "$before" = "$(cat "$gomod")" ] || changed+=("$gomod")
done < <(git ls-files '*go.mod')

if [ ${#changed[@]} -gt 0 ]; then
	echo "== require corskit modules at $version in: ${changed[*]}"
fi

if [ "${CORSKIT_RELEASE_SKIP_TESTS:-}" = 1 ]; then
	echo "== CORSKIT_RELEASE_SKIP_TESTS=1: NOT running make test (only for trying this script out)"
else
	echo "== make test"
	if ! make test; then
		[ ${#changed[@]} -eq 0 ] || git checkout -- "${changed[@]}"
		die "make test failed: nothing was committed or tagged"
	fi
fi

if [ ${#changed[@]} -gt 0 ]; then
	git commit -q -m "release: corskit $version: every corskit module requires the others at $version" -- "${changed[@]}"
	echo "== committed $(git rev-parse --short HEAD)"
fi

tags=()
for m in "${modules[@]}"; do
	path=$(awk '$1 == "module" { print $2; exit }' "$m/go.mod")
	git tag -a "$m/$version" -m "corskit $version: $path"
	tags+=("$m/$version")
done

echo "== tagged $(git rev-parse --short HEAD) (nothing was pushed):"
printf '   %s\n' "${tags[@]}"
echo "== to publish, after checking: git push origin HEAD ${tags[*]}"
