package corsgin_test

import (
	"os"
	"testing"

	"github.com/gin-gonic/gin"
)

// TestMain puts Gin in test mode, which keeps its debug messages (route
// listings, mode warnings) out of the tests' and examples' output.
func TestMain(m *testing.M) {
	gin.SetMode(gin.TestMode)
	os.Exit(m.Run())
}
