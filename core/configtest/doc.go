// Package configtest checks that configuration documents read the same with
// encoding/json and with the YAML libraries that Go programs use:
// gopkg.in/yaml.v3, gopkg.in/yaml.v2, github.com/goccy/go-yaml and
// sigs.k8s.io/yaml. It has only tests. It is a module of its own so that
// the core (github.com/corskit/corskit/core), whose Config.UnmarshalYAML
// serves all of them through one callback, keeps no YAML dependency.
package configtest
