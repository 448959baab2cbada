module github.com/corskit/corskit/e2e

go 1.25.0
