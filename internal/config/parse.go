package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"

	"gopkg.in/yaml.v3"
)

// document mirrors the file. Leaves are kept as nodes so validation can
// name the line of a bad value; KnownFields rejects unknown keys.
type document struct {
	FailOn       yaml.Node `yaml:"fail_on"`
	Select       yaml.Node `yaml:"select"`
	Ignore       yaml.Node `yaml:"ignore"`
	Paths        *paths    `yaml:"paths"`
	Suggestions  yaml.Node `yaml:"suggestions"`
	MaxComments  yaml.Node `yaml:"max_comments"`
	SkippedFiles yaml.Node `yaml:"skipped_files"`
}

type paths struct {
	Exclude yaml.Node `yaml:"exclude"`
}

// MaxSize bounds the configuration file.
const MaxSize = 64 << 10

// Parse validates a .pyguard.yml document. An empty document is the
// default configuration. Error messages give the line and the key so they
// can be shown as they are on a check run.
func Parse(data []byte) (*Config, error) {
	if len(data) > MaxSize {
		return nil, fmt.Errorf("larger than %d KiB; a configuration this big is a mistake", MaxSize>>10)
	}
	c := Default()
	var doc document
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return c, nil
		}
		return nil, cleanYAMLError(err)
	}
	if moreDocuments(dec) {
		return nil, errors.New("expected one YAML document, found several")
	}
	var err error
	if c.FailOn, err = oneOf(&doc.FailOn, "fail_on", c.FailOn, "critical", "high", "medium", "low", Never); err != nil {
		return nil, err
	}
	if c.Suggestions, err = suggestions(&doc.Suggestions, c.Suggestions); err != nil {
		return nil, err
	}
	if c.SkippedFiles, err = oneOf(&doc.SkippedFiles, "skipped_files", c.SkippedFiles, SkippedFail, SkippedWarn); err != nil {
		return nil, err
	}
	if c.MaxComments, err = positiveInt(&doc.MaxComments, "max_comments", c.MaxComments); err != nil {
		return nil, err
	}
	if c.Select, err = ruleList(&doc.Select, "select"); err != nil {
		return nil, err
	}
	if c.Ignore, err = ruleList(&doc.Ignore, "ignore"); err != nil {
		return nil, err
	}
	if doc.Paths != nil {
		if c.Exclude, c.excludes, err = globList(&doc.Paths.Exclude, "paths.exclude"); err != nil {
			return nil, err
		}
	}
	return c, nil
}

// moreDocuments reports whether the stream holds another non-empty
// document (a trailing "---" is harmless).
func moreDocuments(dec *yaml.Decoder) bool {
	for {
		var n yaml.Node
		err := dec.Decode(&n)
		switch {
		case errors.Is(err, io.EOF):
			return false
		case err != nil:
			return true
		case len(n.Content) > 0 && set(n.Content[0]):
			return true
		}
	}
}

// cleanYAMLError turns yaml.v3's "yaml: unmarshal errors:\n  line 3: field
// foo not found in type config.document" into "line 3: unknown key "foo"".
func cleanYAMLError(err error) error {
	var te *yaml.TypeError
	if !errors.As(err, &te) {
		return fmt.Errorf("invalid YAML: %s", strings.TrimPrefix(err.Error(), "yaml: "))
	}
	msgs := make([]string, len(te.Errors))
	for i, m := range te.Errors {
		m = unknownField.ReplaceAllString(m, `unknown key "$1"`)
		m = strings.ReplaceAll(m, "config.document", "the configuration")
		m = strings.ReplaceAll(m, "config.paths", "paths")
		msgs[i] = m
	}
	return errors.New(strings.Join(msgs, "; "))
}

var unknownField = regexp.MustCompile(`field (\S+) not found in type \S+`)

func set(n *yaml.Node) bool { return n.Kind != 0 && n.Tag != "!!null" }

func where(n *yaml.Node) string { return fmt.Sprintf("line %d", n.Line) }

func oneOf(n *yaml.Node, key, def string, allowed ...string) (string, error) {
	if !set(n) {
		return def, nil
	}
	if n.Kind == yaml.ScalarNode {
		v := strings.ToLower(strings.TrimSpace(n.Value))
		for _, a := range allowed {
			if v == a {
				return v, nil
			}
		}
	}
	return "", fmt.Errorf("%s: %s: %s is not one of %s", where(n), key, describe(n), strings.Join(allowed, ", "))
}

// suggestions parses `suggestions:`; `unsafe`, its earlier name, still
// means all.
func suggestions(n *yaml.Node, def string) (string, error) {
	if set(n) && n.Kind == yaml.ScalarNode && strings.EqualFold(strings.TrimSpace(n.Value), "unsafe") {
		return SuggestAll, nil
	}
	return oneOf(n, "suggestions", def, SuggestAll, SuggestSafe, SuggestNone)
}

func positiveInt(n *yaml.Node, key string, def int) (int, error) {
	if !set(n) {
		return def, nil
	}
	var v int
	if n.Kind != yaml.ScalarNode || n.Tag != "!!int" || n.Decode(&v) != nil || v < 1 {
		return 0, fmt.Errorf("%s: %s: %s is not a positive integer", where(n), key, describe(n))
	}
	return v, nil
}

// scalars accepts a sequence of strings, or one string as a one-item list
// (a common way to write a single entry), and returns the string nodes.
func scalars(n *yaml.Node, key string) ([]*yaml.Node, error) {
	if !set(n) {
		return nil, nil
	}
	items := []*yaml.Node{n}
	if n.Kind == yaml.SequenceNode {
		items = n.Content
	}
	for i, it := range items {
		if it.Kind != yaml.ScalarNode || it.Tag != "!!str" || strings.TrimSpace(it.Value) == "" {
			what := key
			if n.Kind == yaml.SequenceNode {
				what = fmt.Sprintf("%s[%d]", key, i)
			}
			return nil, fmt.Errorf("%s: %s: %s is not a non-empty string", where(it), what, describe(it))
		}
	}
	return items, nil
}

func globList(n *yaml.Node, key string) ([]string, []glob, error) {
	items, err := scalars(n, key)
	if err != nil {
		return nil, nil, err
	}
	var pats []string
	var globs []glob
	for _, it := range items {
		p := strings.TrimSpace(it.Value)
		g, err := compileGlob(p)
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %s: %q: %v", where(it), key, p, err)
		}
		pats, globs = append(pats, p), append(globs, g)
	}
	return pats, globs, nil
}

func ruleList(n *yaml.Node, key string) ([]string, error) {
	items, err := scalars(n, key)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, it := range items {
		ids, err := SplitRuleIDs(it.Value)
		if err != nil {
			return nil, fmt.Errorf("%s: %s: %v", where(it), key, err)
		}
		out = append(out, ids...)
	}
	return out, nil
}

var ruleIDPattern = regexp.MustCompile(`^[A-Z]+[0-9]*$`)

// SplitRuleIDs splits a comma-separated list of rule IDs or prefixes
// ("AIML161,AIML2"), upper-cases them and checks their shape.
func SplitRuleIDs(s string) ([]string, error) {
	var out []string
	for _, f := range strings.Split(s, ",") {
		f = strings.ToUpper(strings.TrimSpace(f))
		if f == "" {
			continue
		}
		if !ruleIDPattern.MatchString(f) {
			return nil, fmt.Errorf("%q is not a rule ID or prefix (like AIML161 or AIML2)", f)
		}
		out = append(out, f)
	}
	return out, nil
}

// describe renders a value for an error message.
func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.SequenceNode:
		return "a list"
	case yaml.MappingNode:
		return "a mapping"
	}
	return fmt.Sprintf("%q", n.Value)
}
