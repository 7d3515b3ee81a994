package rules

import (
	"context"
	"strings"
	"testing"

	"github.com/pyguard/pyguard/analyzer"
)

// Messages and fix texts name the source actually found and the remedy
// for the callee actually used (a request body, a network response, a
// federated client's update; weights_only only for torch.load).
func TestMessagesNameTheSource(t *testing.T) {
	cases := []struct {
		name, src, rule string
		want, notWant   []string
	}{
		{"Flower strategy unpickling client metrics", `import pickle
from flwr.server.strategy import FedAvg

class Robust(FedAvg):
    def aggregate_fit(self, server_round, results, failures):
        for _, fit_res in results:
            extra = pickle.loads(fit_res.metrics["blob"])
        return super().aggregate_fit(server_round, results, failures)
`, "AIML192", []string{"Unpickling a federated client's update with pickle.loads", "JSON or safetensors"}, []string{"weights_only", "worker"}},
		{"TorchServe handler loading the request body", `import io
import torch
from ts.torch_handler.base_handler import BaseHandler

class Handler(BaseHandler):
    def preprocess(self, data):
        return torch.load(io.BytesIO(data[0]["body"]))
`, "AIML192", []string{"Unpickling a request body with torch.load", "Pass weights_only=True."}, nil},
		{"HTTP response unpickled", `import pickle
import requests

def pull(url):
    return pickle.loads(requests.get(url, timeout=5).content)
`, "AIML192", []string{"Unpickling a network response with pickle.loads"}, []string{"weights_only"}},
		{"Flower client update written into the model", `import torch
from flwr.common import parameters_to_ndarrays
from flwr.server.strategy import FedAvg

class Apply(FedAvg):
    def aggregate_fit(self, server_round, results, failures):
        for _, fit_res in results:
            arrays = parameters_to_ndarrays(fit_res.parameters)
            for p, a in zip(self.model.parameters(), arrays):
                p.data.copy_(torch.from_numpy(a))
        return None, {}
`, "AIML193", []string{"Update from a federated client"}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f, err := analyzer.NewFile(context.Background(), "app.py", []byte(c.src))
			if err != nil {
				t.Fatal(err)
			}
			fds, errs := analyzer.NewEngine(All()).Run(f)
			for _, e := range errs {
				t.Error(e)
			}
			var got *analyzer.Finding
			for _, fd := range fds {
				if fd.Rule.ID == c.rule {
					got = fd
				}
			}
			if got == nil {
				t.Fatalf("no %s finding", c.rule)
			}
			text := got.Message
			if got.Fix != nil {
				text += "\n" + got.Fix.Summary()
			}
			for _, w := range c.want {
				if !strings.Contains(text, w) {
					t.Errorf("lacks %q:\n%s", w, text)
				}
			}
			for _, w := range c.notWant {
				if strings.Contains(text, w) {
					t.Errorf("mentions %q:\n%s", w, text)
				}
			}
		})
	}
}
