package rules

import . "github.com/pyguard/pyguard/analyzer"

// Generation length and count keywords, the one set AIML215 (plain
// generation) and AIML244 (streaming) check (README §4 row 20). Each rule
// clamps them to its own limits.

// generateKeywordKinds are the keywords of `.generate(...)` and of a
// transformers pipeline call: a token length or a beam/sequence count.
var generateKeywordKinds = map[string]bool{"max_new_tokens": true, "max_length": true, "min_new_tokens": true,
	"min_length": true, "max_tokens": true, "num_beams": false, "num_return_sequences": false}

// samplingKeywordKinds are those of vllm.SamplingParams.
var samplingKeywordKinds = map[string]bool{"max_tokens": true, "n": false, "best_of": false}

// generationLimits maps each keyword of kinds (true: a token length) to
// the limit its fix writes.
func generationLimits(kinds map[string]bool, tokens, counts string) map[string]string {
	out := make(map[string]string, len(kinds))
	for k, isTokens := range kinds {
		out[k] = counts
		if isTokens {
			out[k] = tokens
		}
	}
	return out
}

// generationUnits names what each keyword counts, for the behaviour change.
var generationUnits = map[string]string{"max_new_tokens": "new tokens", "min_new_tokens": "new tokens", "max_length": "tokens",
	"min_length": "tokens", "max_tokens": "tokens", "num_beams": "beams", "num_return_sequences": "sequences",
	"n": "sequences", "best_of": "candidate sequences"}

// generationKeywords returns the length/count keywords checked on c, with
// the rule's limits: a `.generate(...)` call or a call of a transformers
// pipeline (generate), or vllm.SamplingParams (sampling); nil for other
// calls.
func generationKeywords(p *Pass, c Call, generate, sampling map[string]string) map[string]string {
	if c.Args == nil {
		return nil
	}
	switch {
	case c.Is("vllm.SamplingParams", "vllm.sampling_params.SamplingParams"):
		return sampling
	case c.Method() == "generate":
		return generate
	case p.TypeOf(c.Func) == "transformers.pipeline":
		return generate
	}
	return nil
}
