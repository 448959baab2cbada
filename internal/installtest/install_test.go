//go:build !race

package installtest

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"go/parser"
	"go/token"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/mod/modfile"
	"golang.org/x/mod/module"
	modzip "golang.org/x/mod/zip"
)

// released is a module that users install and that a release tags: the
// core, an adapter or a command.
type released struct {
	name    string // "core", or the directory's name: "gin", "echov5", "corscheck", ...
	dir     string // its directory
	path    string // its module path
	command bool   // a command (cmd/NAME), which users go install
}

// releasedModules returns the core and every directory of adapters/ and cmd/
// that has a go.mod, so that a new adapter or command is covered without
// editing this test. The release script tags the same list.
func releasedModules(t *testing.T, root string) []released {
	t.Helper()
	mods := []released{{name: "core", dir: filepath.Join(root, "core")}}
	for _, parent := range []string{"adapters", "cmd"} {
		entries, err := os.ReadDir(filepath.Join(root, parent))
		if err != nil && !os.IsNotExist(err) {
			t.Fatal(err)
		}
		for _, e := range entries {
			dir := filepath.Join(root, parent, e.Name())
			if _, err := os.Stat(filepath.Join(dir, "go.mod")); e.IsDir() && err == nil {
				mods = append(mods, released{name: e.Name(), dir: dir, command: parent == "cmd"})
			}
		}
	}
	for i, m := range mods {
		data, err := os.ReadFile(filepath.Join(m.dir, "go.mod"))
		if err != nil {
			t.Fatal(err)
		}
		mods[i].path = modfile.ModulePath(data)
	}
	return mods
}

// buildProxy writes a module proxy in the file layout of the GOPROXY
// protocol (path/@v/list, .info, .mod, .zip) holding each module at version,
// zipped from the working tree as the go command would zip the tag.
func buildProxy(t *testing.T, mods []released, version string) string {
	t.Helper()
	proxy := t.TempDir()
	info, _ := json.Marshal(struct {
		Version string
		Time    time.Time
	}{version, time.Now().UTC().Truncate(time.Second)})
	for _, m := range mods {
		escaped, err := module.EscapePath(m.path)
		if err != nil {
			t.Fatal(err)
		}
		dir := filepath.Join(proxy, filepath.FromSlash(escaped), "@v")
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		gomod, err := os.ReadFile(filepath.Join(m.dir, "go.mod"))
		if err != nil {
			t.Fatal(err)
		}
		var zipped bytes.Buffer
		if err := modzip.CreateFromDir(&zipped, module.Version{Path: m.path, Version: version}, m.dir); err != nil {
			t.Fatalf("zipping %s: %v", m.path, err)
		}
		files := map[string][]byte{
			"list":            []byte(version + "\n"),
			version + ".info": info,
			version + ".mod":  gomod,
			version + ".zip":  zipped.Bytes(),
		}
		for name, data := range files {
			if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		t.Logf("proxy: %s@%s, %d bytes zipped, %d files", m.path, version, zipped.Len(), zipFiles(t, zipped.Bytes()))
	}
	return proxy
}

// zipFiles counts the files of a module zip.
func zipFiles(t *testing.T, data []byte) int {
	t.Helper()
	r, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	return len(r.File)
}

// goEnv returns the value of one go env variable, as the user's go command
// sees it.
func goEnv(t *testing.T, name string) string {
	t.Helper()
	out, err := exec.Command("go", "env", name).Output()
	if err != nil {
		t.Fatalf("go env %s: %v", name, err)
	}
	return strings.TrimSpace(string(out))
}

// sumdbSetting returns the GOSUMDB value for the test: the user's checksum
// database when it can be reached, directly or through one of the proxies
// (as the go command tries it), and "off" otherwise, saying so. corskit's
// own modules are never looked up there (GONOSUMDB): the versions this test
// installs are not published.
func sumdbSetting(t *testing.T, userProxy string) string {
	t.Helper()
	gosumdb := goEnv(t, "GOSUMDB")
	if gosumdb == "" || gosumdb == "off" {
		t.Logf("checksum database: off in this environment (GOSUMDB=%q): third-party modules are checked against go.sum only", gosumdb)
		return "off"
	}
	fields := strings.Fields(gosumdb)
	name, _, _ := strings.Cut(fields[0], "+")
	urls := []string{}
	for _, p := range strings.FieldsFunc(userProxy, func(r rune) bool { return r == ',' || r == '|' }) {
		if strings.HasPrefix(p, "https://") || strings.HasPrefix(p, "http://") {
			urls = append(urls, strings.TrimSuffix(p, "/")+"/sumdb/"+name+"/supported")
		}
	}
	direct := "https://" + name
	if len(fields) > 1 {
		direct = fields[1]
	}
	urls = append(urls, strings.TrimSuffix(direct, "/")+"/latest")
	client := &http.Client{Timeout: 10 * time.Second}
	var failures []string
	for _, u := range urls {
		resp, err := client.Get(u)
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				t.Logf("checksum database: %s reachable (%s); third-party modules are verified against it, corskit's are exempt (GONOSUMDB)", name, u)
				return gosumdb
			}
			err = fmt.Errorf("status %s", resp.Status)
		}
		failures = append(failures, fmt.Sprintf("%s: %v", u, err))
	}
	t.Logf("checksum database: %s is NOT reachable from this machine (%s); running with GOSUMDB=off, so third-party modules are not verified against it (a user's machine does verify them)", name, strings.Join(failures, "; "))
	return "off"
}

// installEnv returns the environment of a user's go command outside the
// workspace, with proxy first in GOPROXY.
func installEnv(t *testing.T, proxy string) []string {
	t.Helper()
	userProxy := goEnv(t, "GOPROXY")
	// The machine's module cache is a proxy too (its cache/download
	// directory has the protocol's layout): modules already downloaded are
	// taken from there, exactly as downloaded, and the test works offline.
	// The test keeps a module cache of its own so that the corskit versions
	// it installs never enter the user's, where they would shadow the real
	// ones.
	cached := filepath.Join(goEnv(t, "GOMODCACHE"), "cache", "download")
	goproxy := fileURL(proxy) + "," + fileURL(cached)
	if userProxy != "" && userProxy != "off" {
		goproxy += "," + userProxy
	}
	sumdb := sumdbSetting(t, userProxy)
	set := map[string]string{
		"GOWORK":      "off",
		"GOPROXY":     goproxy,
		"GOSUMDB":     sumdb,
		"GONOSUMDB":   strings.TrimSuffix(corskitPrefix, "/"),
		"GONOPROXY":   "",
		"GOPRIVATE":   "",
		"GOINSECURE":  "",
		"GOFLAGS":     "-modcacherw",
		"GOMODCACHE":  filepath.Join(t.TempDir(), "mod"),
		"GOTOOLCHAIN": "local",
	}
	var env []string
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		if _, ok := set[k]; !ok {
			env = append(env, kv)
		}
	}
	for k, v := range set {
		env = append(env, k+"="+v)
	}
	t.Logf("GOPROXY=%s GONOSUMDB=%s GOSUMDB=%s", goproxy, set["GONOSUMDB"], sumdb)
	return env
}

// fileURL returns the file:// URL of a directory.
func fileURL(dir string) string {
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(dir)}).String()
}

// program is a testdata program and the snippets it must contain.
type program struct {
	file     string
	imports  map[string]bool // `name "path"` or `"path"`
	corskit  []string        // imported corskit package paths
	lines    []string        // trimmed, non-blank
	snippets []snippetRef
}

// snippetRef names the n-th Go code block (from 1) of a Markdown file.
type snippetRef struct {
	doc string // slash-separated, from the repository root
	n   int
}

// snippetDirective starts a line of a program naming a snippet it holds:
// //installtest:snippet README.md 1
const snippetDirective = "//installtest:snippet "

// readProgram parses a testdata program.
func readProgram(t *testing.T, file string) program {
	t.Helper()
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	f, err := parser.ParseFile(token.NewFileSet(), file, src, parser.ImportsOnly|parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	p := program{file: file, imports: map[string]bool{}}
	for _, imp := range f.Imports {
		spec := imp.Path.Value
		if imp.Name != nil {
			spec = imp.Name.Name + " " + spec
		}
		p.imports[spec] = true
		if path, _ := strconv.Unquote(imp.Path.Value); strings.HasPrefix(path, corskitPrefix) {
			p.corskit = append(p.corskit, path)
		}
	}
	for _, line := range strings.Split(string(src), "\n") {
		line = strings.TrimSpace(line)
		if rest, ok := strings.CutPrefix(line, snippetDirective); ok {
			doc, n, _ := strings.Cut(rest, " ")
			i, err := strconv.Atoi(n)
			if err != nil || i < 1 {
				t.Fatalf("%s: bad directive %q: want %sFILE N", file, line, snippetDirective)
			}
			p.snippets = append(p.snippets, snippetRef{doc, i})
		}
		if line != "" {
			p.lines = append(p.lines, line)
		}
	}
	if len(p.snippets) == 0 {
		t.Fatalf("%s names no snippet (%sFILE N)", file, snippetDirective)
	}
	return p
}

// goBlock returns the n-th ```go block of a Markdown file, from 1.
func goBlock(t *testing.T, file string, n int) []string {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var block []string
	in, seen := false, 0
	for _, line := range strings.Split(string(data), "\n") {
		switch {
		case !in && strings.TrimSpace(line) == "```go":
			in, seen, block = true, seen+1, nil
		case in && strings.TrimSpace(line) == "```":
			if seen == n {
				return block
			}
			in = false
		case in:
			block = append(block, line)
		}
	}
	t.Fatalf("%s has %d Go code blocks, not %d", file, seen, n)
	return nil
}

// checkSnippet reports whether a program holds a snippet: each of its import
// specs among the program's imports, and its other lines, trimmed, in a row.
func checkSnippet(t *testing.T, root string, p program, ref snippetRef) {
	t.Helper()
	block := goBlock(t, filepath.Join(root, filepath.FromSlash(ref.doc)), ref.n)
	var code []string
	inImport := false
	for _, line := range block {
		line = strings.TrimSpace(line)
		switch {
		case line == "":
		case line == "import (":
			inImport = true
		case inImport && line == ")":
			inImport = false
		case inImport:
			if !p.imports[line] {
				t.Errorf("%s does not import %s, as the Go block %d of %s does", filepath.Base(p.file), line, ref.n, ref.doc)
			}
		case strings.HasPrefix(line, "import "):
			if spec := strings.TrimPrefix(line, "import "); !p.imports[spec] {
				t.Errorf("%s does not import %s, as the Go block %d of %s does", filepath.Base(p.file), spec, ref.n, ref.doc)
			}
		default:
			code = append(code, line)
		}
	}
	for i := range p.lines {
		if len(p.lines)-i >= len(code) && slices.Equal(p.lines[i:i+len(code)], code) {
			return
		}
	}
	t.Errorf("%s does not hold the Go block %d of %s; copy it again:\n%s", filepath.Base(p.file), ref.n, ref.doc, strings.Join(block, "\n"))
}

// run runs the go command in dir with env and fails the test on an error.
func run(t *testing.T, ctx context.Context, dir string, env []string, args ...string) string {
	t.Helper()
	cmd := exec.CommandContext(ctx, "go", args...)
	cmd.Dir, cmd.Env = dir, env
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

// moduleOf returns the released module that holds an import path.
func moduleOf(mods []released, path string) (released, bool) {
	best, found := released{}, false
	for _, m := range mods {
		if (path == m.path || strings.HasPrefix(path, m.path+"/")) && len(m.path) > len(best.path) {
			best, found = m, true
		}
	}
	return best, found
}

// TestInstall installs the core and each adapter from a module proxy as a
// user's go command does, at the version the go.mod files require, and
// builds each README's snippet with it.
func TestInstall(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Fatal("the go command is not on PATH")
	}
	root := repoRoot(t)
	version := releaseVersion(t, goMods(t, root))
	mods := releasedModules(t, root)

	// Each module's program: testdata/nethttp.go for the core, and
	// testdata/NAME.go for adapters/NAME.
	programs := map[string]program{}
	for _, m := range mods {
		if m.command {
			continue // installed with go install, as its README says
		}
		name := m.name
		if name == "core" {
			name = "nethttp"
		}
		file := filepath.Join("testdata", name+".go")
		if _, err := os.Stat(file); err != nil {
			t.Errorf("%s has no program in internal/installtest/testdata: add %s.go, built from the snippet of its README (see testdata/gin.go)", m.path, name)
			continue
		}
		p := readProgram(t, file)
		for _, ref := range p.snippets {
			checkSnippet(t, root, p, ref)
		}
		programs[m.name] = p
	}
	if t.Failed() {
		t.FailNow()
	}

	proxy := buildProxy(t, mods, version)
	env := installEnv(t, proxy)
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Minute)
	defer cancel()
	for _, m := range mods {
		if m.command {
			t.Run(m.name, func(t *testing.T) {
				// What a user runs: go install, outside any module.
				dir := t.TempDir()
				env := append(slices.Clip(env), "GOBIN="+dir)
				run(t, ctx, dir, env, "install", m.path+"@"+version)
				bin := filepath.Join(dir, filepath.Base(m.path))
				if _, err := os.Stat(bin); err != nil {
					t.Fatalf("go install %s@%s made no %s: %v", m.path, version, bin, err)
				}
				t.Logf("go install %s@%s: ok", m.path, version)
			})
			continue
		}
		p := programs[m.name]
		t.Run(m.name, func(t *testing.T) {
			dir := t.TempDir()
			src, err := os.ReadFile(p.file)
			if err != nil {
				t.Fatal(err)
			}
			gomod := "module example.com/app\n\ngo 1.25.0\n"
			if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte(gomod), 0o644); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, "main.go"), src, 0o644); err != nil {
				t.Fatal(err)
			}
			// What the README says: go get the module, at the release.
			var gets []string
			for _, imp := range p.corskit {
				dep, ok := moduleOf(mods, imp)
				if !ok {
					t.Fatalf("%s imports %s, which is in no released module", p.file, imp)
				}
				if !slices.Contains(gets, dep.path) {
					gets = append(gets, dep.path)
					run(t, ctx, dir, env, "get", dep.path+"@"+version)
				}
			}
			if !slices.Contains(gets, m.path) {
				t.Fatalf("%s does not import %s", p.file, m.path)
			}
			run(t, ctx, dir, env, "mod", "tidy")
			run(t, ctx, dir, env, "build", "-trimpath", "-o", filepath.Join(dir, "app"), ".")
			// Every corskit module came from the proxy at the version,
			// whatever the replace directives of its go.mod say.
			out := run(t, ctx, dir, env, "list", "-m", "-f", "{{.Path}} {{.Version}} {{.Replace}}", "all")
			for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
				f := strings.Fields(line)
				if strings.HasPrefix(f[0], corskitPrefix) && (len(f) != 3 || f[1] != version || f[2] != "<nil>") {
					t.Errorf("the build used %q, not %s@%s from the proxy", line, f[0], version)
				}
			}
			t.Logf("go get %s@%s and go build: ok", strings.Join(gets, "@"+version+" "), version)
		})
	}
}
