package corsgin_test

import (
	"net/http"
	"strings"
	"testing"

	corsgin "github.com/corskit/corskit/adapters/gin"
	"github.com/corskit/corskit/core/corstest"
	"github.com/gin-gonic/gin"
)

// TestGroupUseMissesPreflights documents why the package offers Group: the
// middleware attached with RouterGroup.Use never sees a preflight to a
// route without an OPTIONS handler, which gets Gin's 404 and no CORS header.
func TestGroupUseMissesPreflights(t *testing.T) {
	r := gin.New()
	api := r.Group("/api")
	api.Use(corsgin.New(corstest.CredentialedConfig()))
	api.GET("/items", ok)
	resp := corstest.ServePreflight(t, r, corstest.AllowedOrigin, "/api/items", "PUT")
	if resp.Status != http.StatusNotFound {
		t.Errorf("preflight: %d, want Gin's 404", resp.Status)
	}
	corstest.WantNoCORS(t, resp)
}

// newGroupEngine returns an engine with CORS on the /api group only, an
// authentication middleware added to the group after Group, and a public
// route outside the group.
func newGroupEngine() *gin.Engine {
	r := gin.New()
	api := corsgin.Group(r, "/api", corsgin.New(corstest.CredentialedConfig()))
	api.Use(func(c *gin.Context) {
		if c.GetHeader("Authorization") == "" {
			c.AbortWithStatus(http.StatusUnauthorized)
		}
	})
	api.GET("", ok)
	api.GET("/items", ok)
	api.POST("/items", ok)
	api.DELETE("/items/:id", ok)
	r.GET("/public", ok)
	return r
}

// TestGroup: with Group, the group's middleware answers preflights to its
// routes, to its own path and to unknown paths under it, without the
// group's later middleware (authentication) running for them; actual
// requests get the headers even when that middleware refuses them; paths
// outside the group are untouched.
func TestGroup(t *testing.T) {
	r := newGroupEngine()
	for _, path := range []string{"/api", "/api/", "/api/items", "/api/items/7", "/api/no/such/path"} {
		corstest.WantAnsweredPreflight(t, corstest.ServePreflight(t, r, corstest.AllowedOrigin, path, "DELETE"))
	}
	corstest.WantAllowedActual(t, corstest.Serve(t, r, "GET", "/api/items", "Origin", corstest.AllowedOrigin, "Authorization", "Bearer x"), http.StatusOK)
	corstest.WantAllowedActual(t, corstest.Serve(t, r, "GET", "/api/items", "Origin", corstest.AllowedOrigin), http.StatusUnauthorized)
	// A plain OPTIONS request under the group is answered as without Group.
	plain := corstest.Serve(t, r, "OPTIONS", "/api/items", "Origin", corstest.AllowedOrigin)
	if plain.Body != "404 page not found" {
		t.Errorf("OPTIONS without ACRM: %q, want Gin's 404", plain.Body)
	}
	corstest.WantAllowedActual(t, plain, http.StatusNotFound)
	// Outside the group: no CORS at all.
	for _, method := range []string{"GET", "OPTIONS"} {
		outside := corstest.Serve(t, r, method, "/public", corstest.PreflightHeader(corstest.AllowedOrigin, "PUT")...)
		corstest.WantNoCORS(t, outside)
		if outside.VaryHas("Origin") {
			t.Errorf("%s /public: Vary %q, want no Origin outside the group", method, outside.Header.Values("Vary"))
		}
	}
}

// TestGroupPaths: Group works for any group path, including the root and
// paths with a trailing slash or a parameter, and nested groups.
func TestGroupPaths(t *testing.T) {
	for _, rel := range []string{"", "/", "/api", "/api/", "/users/:id", "v1"} {
		r := gin.New()
		g := corsgin.Group(r, rel, corsgin.New(corstest.CredentialedConfig()))
		g.GET("/items", ok)
		nested := g.Group("/nested")
		nested.GET("/deep", ok)
		base := strings.TrimSuffix(g.BasePath(), "/")
		base = strings.ReplaceAll(base, ":id", "7")
		for _, path := range []string{base + "/items", base + "/nested/deep", base + "/unknown"} {
			corstest.WantAnsweredPreflight(t, corstest.ServePreflight(t, r, corstest.AllowedOrigin, path, "PUT"))
		}
		corstest.WantAllowedActual(t, corstest.Serve(t, r, "GET", base+"/nested/deep", "Origin", corstest.AllowedOrigin), http.StatusOK)
	}
}

// TestGroupRefusesOwnOptionsRoutes documents the limit the doc comment of
// Group states: Gin refuses an OPTIONS route of the group's own, at start.
func TestGroupRefusesOwnOptionsRoutes(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("Gin accepted an OPTIONS route beside Group's")
		}
	}()
	r := gin.New()
	api := corsgin.Group(r, "/api", corsgin.New(corstest.CredentialedConfig()))
	api.OPTIONS("/items", ok)
}
