package main

import (
	"encoding/json"
	"fmt"
	"testing"
)

// sarifChecker validates a decoded SARIF log against the parts of the
// SARIF 2.1.0 schema PyGuard emits: required properties, JSON types,
// enumerations and minimums. Errors collect with their JSON path.
type sarifChecker struct{ errs []string }

func (c *sarifChecker) fail(path, format string, args ...any) {
	c.errs = append(c.errs, path+": "+fmt.Sprintf(format, args...))
}

func (c *sarifChecker) object(path string, v any, required ...string) map[string]any {
	m, ok := v.(map[string]any)
	if !ok {
		c.fail(path, "not an object: %v", v)
		return map[string]any{}
	}
	for _, k := range required {
		if _, ok := m[k]; !ok {
			c.fail(path, "missing required %q", k)
		}
	}
	return m
}

func (c *sarifChecker) array(path string, v any, minItems int) []any {
	a, ok := v.([]any)
	if !ok {
		c.fail(path, "not an array: %v", v)
		return nil
	}
	if len(a) < minItems {
		c.fail(path, "%d items, want at least %d", len(a), minItems)
	}
	return a
}

func (c *sarifChecker) str(path string, v any, enum ...string) string {
	s, ok := v.(string)
	if !ok {
		c.fail(path, "not a string: %v", v)
		return ""
	}
	for i, e := range enum {
		if s == e {
			break
		}
		if i == len(enum)-1 {
			c.fail(path, "%q not one of %v", s, enum)
		}
	}
	return s
}

func (c *sarifChecker) integer(path string, v any, min int) int {
	f, ok := v.(float64)
	if !ok || f != float64(int(f)) || int(f) < min {
		c.fail(path, "not an integer >= %d: %v", min, v)
	}
	return int(f)
}

func (c *sarifChecker) message(path string, v any) {
	c.str(path+".text", c.object(path, v, "text")["text"])
}

var sarifLevels = []string{"none", "note", "warning", "error"}

func (c *sarifChecker) region(path string, v any) {
	m := c.object(path, v, "startLine")
	for _, k := range []string{"startLine", "startColumn", "endLine", "endColumn"} {
		if x, ok := m[k]; ok {
			c.integer(path+"."+k, x, 1)
		}
	}
}

func (c *sarifChecker) artifactLocation(path string, v any) {
	m := c.object(path, v, "uri")
	c.str(path+".uri", m["uri"])
	if b, ok := m["uriBaseId"]; ok {
		c.str(path+".uriBaseId", b)
	}
}

func (c *sarifChecker) log(v any) (rules, results []any) {
	root := c.object("$", v, "version", "runs")
	c.str("$.$schema", root["$schema"])
	c.str("$.version", root["version"], "2.1.0")
	runs := c.array("$.runs", root["runs"], 1)
	if len(runs) != 1 {
		c.fail("$.runs", "%d runs, want 1", len(runs))
		return nil, nil
	}
	run := c.object("$.runs[0]", runs[0], "tool")
	driver := c.object("tool", c.object("tool", run["tool"], "driver")["driver"], "name")
	c.str("driver.name", driver["name"], "pyguard")
	c.str("driver.version", driver["version"])
	c.str("driver.informationUri", driver["informationUri"])
	rules = c.array("driver.rules", driver["rules"], 1)
	for i, r := range rules {
		p := fmt.Sprintf("rules[%d]", i)
		m := c.object(p, r, "id", "name", "shortDescription", "fullDescription", "helpUri", "defaultConfiguration", "properties")
		c.str(p+".id", m["id"])
		c.str(p+".name", m["name"])
		c.message(p+".shortDescription", m["shortDescription"])
		c.message(p+".fullDescription", m["fullDescription"])
		c.str(p+".helpUri", m["helpUri"])
		c.str(p+".defaultConfiguration.level", c.object(p, m["defaultConfiguration"], "level")["level"], sarifLevels...)
		props := c.object(p+".properties", m["properties"], "tags", "security-severity")
		c.array(p+".properties.tags", props["tags"], 1)
		c.str(p+".properties.security-severity", props["security-severity"])
	}
	if k, ok := run["columnKind"]; ok {
		c.str("columnKind", k, "utf16CodeUnits", "unicodeCodePoints")
	}
	for i, inv := range c.array("invocations", run["invocations"], 1) {
		m := c.object(fmt.Sprintf("invocations[%d]", i), inv, "executionSuccessful")
		if _, ok := m["executionSuccessful"].(bool); !ok {
			c.fail("executionSuccessful", "not a boolean")
		}
		if n, ok := m["toolExecutionNotifications"]; ok {
			for j, note := range c.array("toolExecutionNotifications", n, 0) {
				p := fmt.Sprintf("notifications[%d]", j)
				nm := c.object(p, note, "message")
				c.message(p+".message", nm["message"])
				c.str(p+".level", nm["level"], sarifLevels...)
			}
		}
	}
	results = c.array("results", run["results"], 0)
	for i, r := range results {
		p := fmt.Sprintf("results[%d]", i)
		m := c.object(p, r, "message", "ruleId", "ruleIndex", "level", "locations")
		id := c.str(p+".ruleId", m["ruleId"])
		idx := c.integer(p+".ruleIndex", m["ruleIndex"], 0)
		if idx < len(rules) && rules[idx].(map[string]any)["id"] != id {
			c.fail(p, "ruleIndex %d is not rule %s", idx, id)
		}
		c.str(p+".level", m["level"], sarifLevels...)
		c.message(p+".message", m["message"])
		for j, loc := range c.array(p+".locations", m["locations"], 1) {
			lp := fmt.Sprintf("%s.locations[%d]", p, j)
			phys := c.object(lp+".physicalLocation", c.object(lp, loc, "physicalLocation")["physicalLocation"], "artifactLocation", "region")
			c.artifactLocation(lp+".artifactLocation", phys["artifactLocation"])
			c.region(lp+".region", phys["region"])
		}
		if fixes, ok := m["fixes"]; ok {
			for j, fx := range c.array(p+".fixes", fixes, 1) {
				fp := fmt.Sprintf("%s.fixes[%d]", p, j)
				fm := c.object(fp, fx, "artifactChanges")
				if d, ok := fm["description"]; ok {
					c.message(fp+".description", d)
				}
				for k, ch := range c.array(fp+".artifactChanges", fm["artifactChanges"], 1) {
					cp := fmt.Sprintf("%s.artifactChanges[%d]", fp, k)
					cm := c.object(cp, ch, "artifactLocation", "replacements")
					c.artifactLocation(cp+".artifactLocation", cm["artifactLocation"])
					for l, rep := range c.array(cp+".replacements", cm["replacements"], 1) {
						rp := fmt.Sprintf("%s.replacements[%d]", cp, l)
						rm := c.object(rp, rep, "deletedRegion")
						c.region(rp+".deletedRegion", rm["deletedRegion"])
						if ins, ok := rm["insertedContent"]; ok {
							c.str(rp+".insertedContent.text", c.object(rp, ins, "text")["text"])
						}
					}
				}
			}
		}
	}
	return rules, results
}

func TestScanSARIF(t *testing.T) {
	dir := project(t, map[string]string{"src/app.py": srcAIML161, "src/load.py": srcAIML173, "bad.py": "\x00"})
	r := pyguard(t, dir, "", "scan", "--format", "sarif", "--select", "AIML16,AIML173").wantCode(t, 1)
	var log any
	if err := json.Unmarshal([]byte(r.stdout), &log); err != nil {
		t.Fatal(err)
	}
	var c sarifChecker
	rules, results := c.log(log)
	for _, e := range c.errs {
		t.Error(e)
	}
	ids := map[string]bool{}
	for _, r := range rules {
		ids[r.(map[string]any)["id"].(string)] = true
	}
	// The driver lists every selected rule, not only those with results.
	if !ids["AIML161"] || !ids["AIML173"] || !ids["AIML162"] || ids["AIML170"] {
		t.Errorf("driver rules %v", ids)
	}
	if len(results) != 2 {
		t.Fatalf("%d results", len(results))
	}
	high, low := results[0].(map[string]any), results[1].(map[string]any)
	if high["level"] != "error" || low["level"] != "note" {
		t.Errorf("levels %v, %v", high["level"], low["level"])
	}
	uri := low["locations"].([]any)[0].(map[string]any)["physicalLocation"].(map[string]any)["artifactLocation"].(map[string]any)["uri"]
	if uri != "src/load.py" {
		t.Errorf("uri %v", uri)
	}
	if _, ok := low["fixes"]; !ok {
		t.Error("AIML173's edit is not a SARIF fix")
	}
	if _, ok := high["fixes"]; ok {
		t.Error("guidance exported as a SARIF fix")
	}
}
