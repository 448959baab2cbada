module github.com/corskit/corskit/examples

go 1.25.0
