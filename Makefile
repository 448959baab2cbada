# corskit: every check CI runs is a target here. `make test` is the whole gate.

MODULES     := $(shell go list -m -f '{{.Dir}}' | sed "s|^$(CURDIR)/||")
INSTALLTEST := internal/installtest
STATICCHECK := go run honnef.co/go/tools/cmd/staticcheck@v0.8.2

.PHONY: test browser fmt vet staticcheck race modules install bench fuzz demo release

## test: gofmt, go vet, staticcheck, go test -race over the workspace, every
## module alone with GOWORK=off, then the install test (what users build).
test: browser fmt vet staticcheck race modules install

## browser: says first when the browser suites (e2e, examples/demo) will skip
## for want of Chromium: go test ./... shows nothing of a passing package,
## not even why a test skipped. With CI=true or CORSKIT_REQUIRE_BROWSER=1
## (.ci/run) the suites fail instead.
CHROMIUM := $(or $(CORSKIT_CHROMIUM),/usr/lib/chromium/chromium)
browser:
	@if [ ! -x "$(CHROMIUM)" ]; then \
		echo "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!"; \
		echo "Chromium not found at $(CHROMIUM): e2e runs on the browser model, the demo's test SKIPS (both fail in CI)."; \
		echo "Install it with: apt-get update && apt-get install -y chromium, or set CORSKIT_CHROMIUM."; \
		echo "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!"; \
	fi

fmt:
	@out=$$(gofmt -l $(MODULES)); if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi

vet:
	go vet work

staticcheck:
	$(STATICCHECK) work

race:
	go test -race -count=1 work

## modules: each module's tests with its own go.mod and no workspace
## (GOWORK=off). Its replace directives still point at the working tree, so
## this is how a module builds in this repository, not how users get it.
modules:
	@set -e; for m in $(filter-out $(INSTALLTEST),$(MODULES)); do echo "== GOWORK=off go test ./... in $$m"; \
		(cd $$m && GOWORK=off go test -count=1 ./...); done

## install: what users build. The core, every adapter and every command are
## served at the release version by a module proxy made from the working tree,
## then installed with go get (go install) and built outside the workspace
## (internal/installtest).
install:
	cd $(INSTALLTEST) && GOWORK=off go test -count=1 -v ./...

## bench: the side-by-side benchmarks and bench/RESULTS.md (see bench/README.md).
bench:
	$(MAKE) -C bench results

## fuzz: each fuzz target of the core for FUZZTIME (default 30s).
FUZZTIME ?= 30s
fuzz:
	@set -e; cd core && for f in $$(go test -list '^Fuzz' . | grep ^Fuzz); do \
		echo "== $$f"; go test -run '^$$' -fuzz "^$$f$$" -fuzztime $(FUZZTIME) .; done

## demo: the demo a newcomer starts first.
demo:
	go run ./examples/demo

## release: VERSION=vX.Y.Z sets every cross-module require to VERSION, runs
## make test and tags each released module, locally (see RELEASING.md).
release:
	@test -n "$(VERSION)" || { echo "usage: make release VERSION=vX.Y.Z"; exit 2; }
	scripts/release.sh $(VERSION)
