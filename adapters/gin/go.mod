module github.com/corskit/corskit/adapters/gin

go 1.25.0
