module github.com/corskit/corskit/core/configtest

go 1.25.0

require (
	github.com/corskit/corskit/core v0.1.0
	github.com/goccy/go-yaml v1.19.2
	gopkg.in/yaml.v2 v2.4.0
	gopkg.in/yaml.v3 v3.0.1
	sigs.k8s.io/yaml v1.6.0
)

require (
	go.yaml.in/yaml/v2 v2.4.2 // indirect
	golang.org/x/net v0.58.0 // indirect
	golang.org/x/text v0.41.0 // indirect
)

replace github.com/corskit/corskit/core => ..
