package cors

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/publicsuffix"
)

// TestPublicSuffixAtOrBelow: the hosts above which a subdomain pattern can
// match names anyone can register.
func TestPublicSuffixAtOrBelow(t *testing.T) {
	for host, want := range map[string]bool{
		"com": true, "uk": true, "jp": true, "io": true, "xn--p1ai": true, // рф
		"co.uk": true, "com.au": true, "github.io": true, "herokuapp.com": true,
		"appspot.com": true, "blogspot.com": true, "vercel.app": true, "pages.dev": true,
		"zzz":                       true, // an unknown top-level domain: x/net's "*" rule
		"amazonaws.com":             true, // s3.amazonaws.com and others below it
		"s3.amazonaws.com":          true,
		"compute.amazonaws.com":     true,  // *.compute.amazonaws.com
		"ap-south-1.on.aws":         true,  // *.airflow.ap-south-1.on.aws below it
		"kawasaki.jp":               true,  // *.kawasaki.jp
		"foo.kawasaki.jp":           true,  // a name *.kawasaki.jp makes a public suffix
		"city.kawasaki.jp":          false, // !city.kawasaki.jp: registrable
		"ck":                        true,  // *.ck
		"www.ck":                    false, // !www.ck
		"example.com":               false,
		"app.example.com":           false,
		"example.co.uk":             false,
		"example.zzz":               false, // the "*" rule stops at the top level
		"localhost":                 false,
		"app.localhost":             false,
		"mybucket.s3.amazonaws.com": false,
		"myapp.herokuapp.com":       false,
		"me.github.io":              false,
		"a.b.compute.amazonaws.com": false,
	} {
		if got := publicSuffixAtOrBelow(host); got != want {
			t.Errorf("publicSuffixAtOrBelow(%q) = %v, want %v", host, got, want)
		}
	}
}

// publicSuffixRules returns the rules of publicSuffixList, checking its form:
// one rule a line, each ending in a newline, sorted, no exceptions.
func publicSuffixRules(t *testing.T) []string {
	t.Helper()
	if !strings.HasSuffix(publicSuffixList, "\n") {
		t.Fatal("publicSuffixList does not end in a newline")
	}
	rules := strings.Split(strings.TrimSuffix(publicSuffixList, "\n"), "\n")
	if !slices.IsSorted(rules) {
		t.Error("publicSuffixList is not sorted")
	}
	valid := regexp.MustCompile(`^(\*\.)?[a-z0-9_-]+(\.[a-z0-9_-]+)*$`)
	for i, r := range rules {
		if !valid.MatchString(r) || i > 0 && r == rules[i-1] {
			t.Errorf("publicSuffixList: rule %q is not a lower-case rule, or is repeated", r)
		}
	}
	return rules
}

// TestPublicSuffixListAgreesWithXNet: x/net, which the list is generated
// from, answers for every rule as the rule says, and publicSuffixes yields
// one name for each rule, above which publicSuffixAtOrBelow holds.
func TestPublicSuffixListAgreesWithXNet(t *testing.T) {
	rules := publicSuffixRules(t)
	isRule := make(map[string]bool, len(rules))
	for _, r := range rules {
		isRule[r] = true
	}
	var names []string
	for name := range publicSuffixes {
		names = append(names, name)
	}
	if len(names) != len(rules) || len(rules) < 9000 {
		t.Fatalf("publicSuffixes yields %d names for %d rules, want one a rule and the whole list", len(names), len(rules))
	}
	above := make(map[string]string) // every name and its parents: a name below
	for i, r := range rules {
		// A plain rule is its own name; a wildcard rule *.b is named x.b.
		name := r
		if base, ok := strings.CutPrefix(r, "*."); ok {
			name = "x." + base
		}
		if names[i] != name {
			t.Errorf("publicSuffixes yields %q for rule %q, want %q", names[i], r, name)
		}
		// x/net: name is a public suffix, and so is the name below it when
		// a wildcard rule says so.
		below := "corskitprobe." + name
		wantBelow := name
		if isRule["*."+name] {
			wantBelow = below
		}
		if ps, _ := publicsuffix.PublicSuffix(name); ps != name {
			t.Errorf("rule %q: x/net's public suffix of %s is %s, want %s", r, name, ps, name)
		}
		if ps, _ := publicsuffix.PublicSuffix(below); ps != wantBelow {
			t.Errorf("rule %q: x/net's public suffix of %s is %s, want %s", r, below, ps, wantBelow)
		}
		for h := name; h != ""; {
			if _, seen := above[h]; !seen {
				above[h] = name
			}
			_, h, _ = strings.Cut(h, ".")
		}
		// The name below one: registrable, nothing public at or below
		// it, unless a wildcard rule makes it a public suffix. (Every
		// tenth rule and the wildcard ones: each call scans the list.)
		if i%10 == 0 || isRule["*."+name] {
			if got := publicSuffixAtOrBelow(below); got != isRule["*."+name] {
				t.Errorf("publicSuffixAtOrBelow(%q) = %v, want %v", below, got, !got)
			}
		}
	}
	for h, name := range above {
		if !publicSuffixAtOrBelow(h) {
			t.Errorf("publicSuffixAtOrBelow(%q) = false, below it is %s", h, name)
		}
	}
}

// TestPublicSuffixListGenerated: go generate writes the committed
// publicsuffix_list.go, from the x/net that core's go.mod requires (read
// from the module cache: GOPROXY=off, no network), and what it decodes from
// x/net's tables is the list of rules x/net's own generator saw (x/net's
// table_test.go), exceptions left out; the exceptions are not at or above a
// public suffix.
func TestPublicSuffixListGenerated(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the go command")
	}
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("no go command")
	}
	env := append(os.Environ(), "GOWORK=off", "GOPROXY=off", "GOFLAGS=")
	out := filepath.Join(t.TempDir(), "publicsuffix_list.go")
	cmd := exec.Command("go", "run", "gen_publicsuffix.go", "-o", out)
	cmd.Env = env
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go run gen_publicsuffix.go: %v\n%s", err, b)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	committed, err := os.ReadFile("publicsuffix_list.go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, committed) {
		t.Error("publicsuffix_list.go is not what go generate writes; run go generate")
	}

	cmd = exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "golang.org/x/net")
	cmd.Env = env
	dir, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list -m golang.org/x/net: %v", err)
	}
	src, err := os.ReadFile(filepath.Join(strings.TrimSpace(string(dir)), "publicsuffix", "table_test.go"))
	if err != nil {
		t.Fatal(err)
	}
	_, src, _ = bytes.Cut(src, []byte("var rules = [...]string{\n"))
	src, _, _ = bytes.Cut(src, []byte("\n}\n"))
	var want, exceptions []string
	for _, line := range strings.Split(string(src), "\n") {
		r := strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(line), `"`), `",`)
		if e, ok := strings.CutPrefix(r, "!"); ok {
			exceptions = append(exceptions, e)
		} else {
			want = append(want, r)
		}
	}
	slices.Sort(want)
	if rules := publicSuffixRules(t); !slices.Equal(rules, want) {
		t.Errorf("publicSuffixList has %d rules, x/net's table_test.go %d other than exceptions", len(rules), len(want))
	}
	if len(exceptions) == 0 {
		t.Error("x/net's table_test.go has no exception rules")
	}
	for _, e := range exceptions {
		if publicSuffixAtOrBelow(e) {
			t.Errorf("publicSuffixAtOrBelow(%q) = true for the exception rule !%s", e, e)
		}
	}
}

// BenchmarkPublicSuffixAtOrBelow: one call, a miss, which scans the whole
// list.
func BenchmarkPublicSuffixAtOrBelow(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if publicSuffixAtOrBelow("example.com") {
			b.Fatal("example.com")
		}
	}
}

// BenchmarkPublicSuffixes: one full iteration.
func BenchmarkPublicSuffixes(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		n := 0
		for range publicSuffixes {
			n++
		}
		if n < 9000 {
			b.Fatal(n)
		}
	}
}
