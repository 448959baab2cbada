# corskit: every check CI runs is a target here. `make test` is the whole gate.

MODULES     := $(shell go list -m -f '{{.Dir}}' | sed "s|^$(CURDIR)/||")
STATICCHECK := go run honnef.co/go/tools/cmd/staticcheck@v0.8.2

.PHONY: test fmt vet staticcheck race modules bench fuzz demo

## test: gofmt, go vet, staticcheck, go test -race over the workspace, then
## every module alone with GOWORK=off (what users build).
test: fmt vet staticcheck race modules

fmt:
	@out=$$(gofmt -l $(MODULES)); if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi

vet:
	go vet work

staticcheck:
	$(STATICCHECK) work

race:
	go test -race -count=1 work

modules:
	@set -e; for m in $(MODULES); do echo "== GOWORK=off go test ./... in $$m"; \
		(cd $$m && GOWORK=off go test -count=1 ./...); done

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
