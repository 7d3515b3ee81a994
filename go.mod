module github.com/pyguard/pyguard

go 1.23

require (
	github.com/smacker/go-tree-sitter v0.0.0-20240827094217-dd81d9e9be82
	github.com/sourcegraph/go-diff v0.9.0
	gopkg.in/yaml.v3 v3.0.1
)
