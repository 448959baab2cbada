package installtest

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/mod/modfile"
	"golang.org/x/mod/module"
	"golang.org/x/mod/semver"
)

// corskitPrefix is the path every corskit module starts with.
const corskitPrefix = "github.com/corskit/corskit/"

// repoRoot returns the repository's root: this package is internal/installtest.
func repoRoot(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "core", "go.mod")); err != nil {
		t.Fatalf("%s is not corskit's repository root: %v", root, err)
	}
	return root
}

// goMod is one parsed go.mod of the repository.
type goMod struct {
	rel  string // its path from the root, slash-separated
	file *modfile.File
}

// goMods returns every go.mod under root, tracked or not, outside vendor and
// hidden directories (a module in a testdata directory counts too).
func goMods(t *testing.T, root string) []goMod {
	t.Helper()
	var mods []goMod
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			name := d.Name()
			if path != root && (name == "vendor" || strings.HasPrefix(name, ".")) {
				return filepath.SkipDir
			}
			return nil
		}
		if d.Name() != "go.mod" {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		f, err := modfile.Parse(path, data, nil)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		mods = append(mods, goMod{rel: filepath.ToSlash(rel), file: f})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return mods
}

// releaseVersion checks the rule of RELEASING.md on every go.mod and returns
// the one version at which they require corskit modules: a real semantic
// version, never a pseudo-version, the same everywhere.
func releaseVersion(t *testing.T, mods []goMod) string {
	t.Helper()
	versions := map[string][]string{} // version -> "go.mod: path"
	for _, m := range mods {
		for _, r := range m.file.Require {
			p, v := r.Mod.Path, r.Mod.Version
			if !strings.HasPrefix(p, corskitPrefix) {
				continue
			}
			if module.IsPseudoVersion(v) || !semver.IsValid(v) || semver.Build(v) != "" {
				t.Errorf("%s requires %s at %s: require corskit modules at the release version (v0.1.0, ...), as RELEASING.md says", m.rel, p, v)
				continue
			}
			versions[v] = append(versions[v], m.rel+": "+p)
		}
	}
	if len(versions) == 0 {
		t.Fatal("no go.mod requires a corskit module: nothing tells the release version")
	}
	keys := make([]string, 0, len(versions))
	for v := range versions {
		keys = append(keys, v)
	}
	slices.SortFunc(keys, semver.Compare)
	if len(keys) > 1 {
		for _, v := range keys {
			t.Errorf("at %s: %s", v, strings.Join(versions[v], ", "))
		}
		t.Fatalf("corskit modules are required at %d versions, %s; the modules are released in lockstep: run scripts/release.sh or go mod edit -require so that all say one", len(keys), strings.Join(keys, ", "))
	}
	return keys[0]
}

// TestRequiresAreReleases checks that every go.mod requires the corskit
// modules it depends on at one real version, with a replace directive to the
// working tree for development (none in a command's go.mod, which go install
// would refuse).
func TestRequiresAreReleases(t *testing.T) {
	root := repoRoot(t)
	mods := goMods(t, root)
	v := releaseVersion(t, mods)
	for _, m := range mods {
		if dir, _ := strings.CutSuffix(m.rel, "/go.mod"); strings.HasPrefix(dir, "cmd/") && strings.Count(dir, "/") == 1 {
			// go install MODULE@VERSION refuses a module whose go.mod
			// has replace directives: a command is developed through
			// go.work instead.
			for _, r := range m.file.Replace {
				t.Errorf("%s replaces %s: go install refuses a command module with replace directives; drop it (go.work serves the working tree)", m.rel, r.Old.Path)
			}
			continue
		}
		replaced := map[string]bool{}
		for _, r := range m.file.Replace {
			replaced[r.Old.Path] = r.New.Version == "" // a directory
		}
		for _, r := range m.file.Require {
			if strings.HasPrefix(r.Mod.Path, corskitPrefix) && !replaced[r.Mod.Path] {
				t.Errorf("%s requires %s without a replace directive to its directory: add one (go mod edit -replace %s=<relative path>) so that development builds the working tree", m.rel, r.Mod.Path, r.Mod.Path)
			}
		}
	}
	t.Logf("%d go.mod files; corskit modules required at %s", len(mods), v)
}
