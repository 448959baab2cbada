// Package installtest checks corskit the way a user installs it, not the way
// the workspace builds it. It has no code of its own, only tests:
//
//   - TestRequiresAreReleases: every go.mod in the repository requires the
//     other corskit modules at one real semantic version, the same in all of
//     them (the version the next release tags), never at a pseudo-version.
//     The replace directives that point at the working tree may stay: Go
//     ignores them in a module that is a dependency.
//   - TestInstall: builds a file-system module proxy holding the core, every
//     adapter and every command (each directory of adapters/ and cmd/ with a
//     go.mod) at that version, zipped from the working tree with
//     golang.org/x/mod/zip; then, for each of them, in a new module outside
//     the workspace (GOWORK=off), runs go get at that version through the
//     proxy and builds a program made of the README's snippet for that
//     framework (testdata/*.go), or, for a command, runs go install at that
//     version.
//
// TestInstall is not built with -race: it only runs the go command, and make
// test runs it once, without the race detector, in its install step. A run
// takes a minute or two on a warm build cache.
package installtest
