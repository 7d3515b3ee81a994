package analyzer

import (
	"strings"
	"testing"
)

// reexportCall parses src and returns the view of the last call whose text
// starts with prefix.
func reexportCall(t *testing.T, src, prefix string) (*File, Call) {
	t.Helper()
	f := parseFile(t, src)
	var found *Node
	for i := range f.Tree.Nodes {
		n := &f.Tree.Nodes[i]
		if n.Kind == KCall && strings.HasPrefix(n.Text(), prefix) {
			found = n
		}
	}
	if found == nil {
		t.Fatalf("no call starting with %q in:\n%s", prefix, src)
	}
	c, _ := f.AsCall(found)
	return f, c
}

// Both the defining-module spelling and the public spelling resolve to the
// public one, whatever the import form.
func TestReexportCanonicalSpellings(t *testing.T) {
	cases := []struct{ src, call, want string }{
		// evidently 0.7: defined in evidently.core.report, re-exported from evidently.
		{"from evidently.core.report import Report\nReport(metrics=[])\n", "Report(", "evidently.Report"},
		{"import evidently\nevidently.Report(metrics=[])\n", "evidently.Report(", "evidently.Report"},
		{"from evidently import Report\nReport(metrics=[])\n", "Report(", "evidently.Report"},
		{"from evidently.future.report import Report\nReport()\n", "Report(", "evidently.Report"},
		{"import evidently.core.report as er\ner.Report()\n", "er.Report(", "evidently.Report"},
		{"import evidently.core.report\nevidently.core.report.Report()\n", "evidently.core.report.Report(", "evidently.Report"},
		{"from evidently.legacy.report.report import Report\nReport()\n", "Report(", "evidently.legacy.report.Report"},
		// scikit-learn private defining modules.
		{"from sklearn.preprocessing._data import StandardScaler\nStandardScaler()\n", "StandardScaler(", "sklearn.preprocessing.StandardScaler"},
		{"from sklearn.preprocessing import StandardScaler\nStandardScaler()\n", "StandardScaler(", "sklearn.preprocessing.StandardScaler"},
		{"import sklearn.preprocessing._data\nsklearn.preprocessing._data.StandardScaler()\n", "sklearn.", "sklearn.preprocessing.StandardScaler"},
		{"from sklearn.preprocessing import _data\n_data.MinMaxScaler()\n", "_data.", "sklearn.preprocessing.MinMaxScaler"},
		{"from sklearn.preprocessing.data import RobustScaler\nRobustScaler()\n", "RobustScaler(", "sklearn.preprocessing.RobustScaler"},
		{"from sklearn.model_selection._split import train_test_split\ntrain_test_split(X, y)\n", "train_test_split(", "sklearn.model_selection.train_test_split"},
		{"from sklearn.decomposition._pca import PCA\nPCA()\n", "PCA(", "sklearn.decomposition.PCA"},
		{"from sklearn.ensemble._iforest import IsolationForest\nIsolationForest()\n", "IsolationForest(", "sklearn.ensemble.IsolationForest"},
		{"from sklearn.preprocessing._data import *\nStandardScaler()\n", "StandardScaler(", "sklearn.preprocessing.StandardScaler"},
		// torch.
		{"from torch.serialization import load\nload('m.pt')\n", "load(", "torch.load"},
		{"import torch\ntorch.load('m.pt')\n", "torch.load(", "torch.load"},
		{"import torch.serialization\ntorch.serialization.load('m.pt')\n", "torch.serialization.load(", "torch.load"},
		{"import torch.serialization as ser\nser.save(m, 'm.pt')\n", "ser.save(", "torch.save"},
		{"from torch.jit._serialization import load\nload('m.pt')\n", "load(", "torch.jit.load"},
		{"from torch.distributed.distributed_c10d import init_process_group\ninit_process_group('nccl')\n", "init_process_group(", "torch.distributed.init_process_group"},
		{"from torch.nn.parallel.distributed import DistributedDataParallel\nDistributedDataParallel(m)\n", "DistributedDataParallel(", "torch.nn.parallel.DistributedDataParallel"},
		{"from torch.amp.grad_scaler import GradScaler\nGradScaler()\n", "GradScaler(", "torch.amp.GradScaler"},
		// transformers: two hops (modeling_auto -> models.auto -> transformers).
		{"from transformers.models.auto.modeling_auto import AutoModel\nAutoModel.from_pretrained('x')\n", "AutoModel.", "transformers.AutoModel.from_pretrained"},
		{"from transformers.models.auto import AutoTokenizer\nAutoTokenizer.from_pretrained('x')\n", "AutoTokenizer.", "transformers.AutoTokenizer.from_pretrained"},
		{"from transformers.pipelines import pipeline\npipeline('text-generation')\n", "pipeline(", "transformers.pipeline"},
		{"from transformers.modeling_utils import PreTrainedModel\nPreTrainedModel.from_pretrained('x')\n", "PreTrainedModel.", "transformers.PreTrainedModel.from_pretrained"},
		// others.
		{"from feast.feature_store import FeatureStore\nFeatureStore(repo_path='.')\n", "FeatureStore(", "feast.FeatureStore"},
		{"from mlflow.tracking import MlflowClient\nMlflowClient()\n", "MlflowClient(", "mlflow.MlflowClient"},
		{"from mlflow.tracking.client import MlflowClient\nMlflowClient()\n", "MlflowClient(", "mlflow.MlflowClient"},
		{"from mlflow.tracking.fluent import start_run\nstart_run()\n", "start_run(", "mlflow.start_run"},
		{"from wandb.sdk.wandb_init import init\ninit(project='p')\n", "init(", "wandb.init"},
		{"from wandb.apis.public.api import Api\nApi()\n", "Api(", "wandb.Api"},
		{"from numpy.lib._npyio_impl import load\nload('a.npy')\n", "load(", "numpy.load"},
		{"from pandas.io.parsers.readers import read_csv\nread_csv('a.csv')\n", "read_csv(", "pandas.read_csv"},
		{"from pandas.io.pickle import read_pickle\nread_pickle('a.pkl')\n", "read_pickle(", "pandas.read_pickle"},
		{"from joblib.numpy_pickle import load\nload('m.joblib')\n", "load(", "joblib.load"},
		{"from imblearn.over_sampling._smote.base import SMOTE\nSMOTE()\n", "SMOTE(", "imblearn.over_sampling.SMOTE"},
		{"from alibi_detect.cd.ks import KSDrift\nKSDrift(x)\n", "KSDrift(", "alibi_detect.cd.KSDrift"},
		{"from shap.explainers._kernel import KernelExplainer\nKernelExplainer(f, X)\n", "KernelExplainer(", "shap.KernelExplainer"},
		{"from ray._private.worker import init\ninit()\n", "init(", "ray.init"},
		{"from ray.serve.batching import batch\nbatch(f)\n", "batch(", "ray.serve.batch"},
		{"from _bentoml_sdk.decorators import api\napi(f)\n", "api(", "bentoml.api"},
		{"from kserve.model import Model\nModel('m')\n", "Model(", "kserve.Model"},
		{"from flwr.server.strategy.fedavg import FedAvg\nFedAvg()\n", "FedAvg(", "flwr.server.strategy.FedAvg"},
	}
	for _, c := range cases {
		_, call := reexportCall(t, c.src, c.call)
		if got := call.Callee(); got != c.want {
			t.Errorf("%q: callee = %q, want %q", c.src, got, c.want)
		}
		if !call.Is(c.want) {
			t.Errorf("%q: Is(%q) = false", c.src, c.want)
		}
	}
}

// Aliases of the import binding still resolve, to the canonical name.
func TestReexportAliases(t *testing.T) {
	cases := []struct{ src, call, want string }{
		{"from evidently.core.report import Report as R\nR()\n", "R(", "evidently.Report"},
		{"from torch.serialization import load as tload\ntload('m')\n", "tload(", "torch.load"},
		{"from sklearn.preprocessing._data import StandardScaler as SS\nSS()\n", "SS(", "sklearn.preprocessing.StandardScaler"},
		{"import sklearn.preprocessing._data as d\nd.StandardScaler()\n", "d.", "sklearn.preprocessing.StandardScaler"},
		{"from torch.serialization import load\nreader = load\nreader('m')\n", "reader(", "torch.load"},
	}
	for _, c := range cases {
		_, call := reexportCall(t, c.src, c.call)
		if got := call.Callee(); got != c.want {
			t.Errorf("%q: callee = %q, want %q", c.src, got, c.want)
		}
	}
}

// Names outside the table keep the spelling they were imported by.
func TestReexportLeavesOtherNames(t *testing.T) {
	cases := []struct{ src, call, want string }{
		// A private helper of a mapped module is not re-exported.
		{"from sklearn.preprocessing._data import _handle_zeros_in_scale\n_handle_zeros_in_scale(s)\n", "_handle", "sklearn.preprocessing._data._handle_zeros_in_scale"},
		// A public name the package does not re-export.
		{"from evidently.core.report import Snapshot\nSnapshot()\n", "Snapshot(", "evidently.core.report.Snapshot"},
		{"import torch.serialization as ser\nser.add_safe_globals([])\n", "ser.", "torch.serialization.add_safe_globals"},
		// An unrelated private module of a covered library.
		{"from sklearn.utils._param_validation import validate_params\nvalidate_params({})\n", "validate_params(", "sklearn.utils._param_validation.validate_params"},
		{"from sklearn.preprocessing._custom import Scaler\nScaler()\n", "Scaler(", "sklearn.preprocessing._custom.Scaler"},
		// The user's own package shaped like a library path.
		{"from myproj.preprocessing._data import StandardScaler\nStandardScaler()\n", "StandardScaler(", "myproj.preprocessing._data.StandardScaler"},
		{"from myproj.serialization import load\nload('m')\n", "load(", "myproj.serialization.load"},
		{"from core.report import Report\nReport()\n", "Report(", "core.report.Report"},
		// Relative imports are never canonicalised.
		{"from .core.report import Report\nReport()\n", "Report(", ".core.report.Report"},
		{"from .serialization import load\nload('m')\n", "load(", ".serialization.load"},
		// Spellings rules match only in their defining module stay.
		{"from feast.permissions.policy import AllowAll\nAllowAll()\n", "AllowAll(", "feast.permissions.policy.AllowAll"},
		{"from ts.torch_handler.base_handler import BaseHandler\nBaseHandler()\n", "BaseHandler(", "ts.torch_handler.base_handler.BaseHandler"},
	}
	for _, c := range cases {
		_, call := reexportCall(t, c.src, c.call)
		if got := call.Callee(); got != c.want {
			t.Errorf("%q: callee = %q, want %q", c.src, got, c.want)
		}
	}
}

// Receiver typing sees the canonical class, so a method rule written for
// evidently.Report fires on either import.
func TestReexportReceiverType(t *testing.T) {
	for _, src := range []string{
		"from evidently.core.report import Report\nr = Report(metrics=[])\nr.run(a, b)\n",
		"import evidently\nr = evidently.Report(metrics=[])\nr.run(a, b)\n",
	} {
		_, call := reexportCall(t, src, "r.run(")
		if got := call.ReceiverType(); got != "evidently.Report" {
			t.Errorf("%q: ReceiverType = %q, want evidently.Report", src, got)
		}
	}
	_, call := reexportCall(t, "from feast.feature_store import FeatureStore\ns = FeatureStore('.')\ns.get_online_features()\n", "s.get")
	if got := call.ReceiverType(); got != "feast.FeatureStore" {
		t.Errorf("feast ReceiverType = %q", got)
	}
}

// Imports (used by rules to gate on a library) still sees the package.
func TestReexportImports(t *testing.T) {
	f := parseFile(t, "from evidently.core.report import Report\n")
	if !f.Imports("evidently") {
		t.Error("Imports(evidently) = false")
	}
}

// Every row resolves to a fixed point in a few steps: no cycles, and the
// canonical names are themselves canonical.
func TestReexportTableWellFormed(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range reexportTable {
		if r.from == "" || r.to == "" || r.from == r.to || strings.TrimSpace(r.names) == "" {
			t.Errorf("bad row %+v", r)
		}
		if strings.HasPrefix(r.from, ".") || strings.HasPrefix(r.to, ".") {
			t.Errorf("relative module in row %+v", r)
		}
		for _, n := range strings.Fields(r.names) {
			if n == "*" || strings.HasPrefix(n, "*") || strings.HasSuffix(n, "*") {
				continue
			}
			name, _, _ := strings.Cut(n, "=")
			q := r.from + "." + name
			if seen[q] {
				t.Errorf("duplicate entry %s", q)
			}
			seen[q] = true
			c := CanonicalQualname(q)
			if c == q {
				t.Errorf("%s is not rewritten", q)
			}
			if cc := CanonicalQualname(c); cc != c {
				t.Errorf("%s -> %s is not a fixed point (-> %s)", q, c, cc)
			}
			if _, ok := reexportStep(c); ok {
				t.Errorf("%s -> %s still steps", q, c)
			}
		}
	}
}

// Resolution runs for every call node: a miss, and an exact hit, cost no
// allocation.
func TestReexportNoAllocs(t *testing.T) {
	for _, q := range []string{"os.path.join", "pandas.DataFrame.merge", "sklearn.preprocessing._data._x", "torch.load", "sklearn.preprocessing._data.StandardScaler", "x"} {
		q := q
		if n := testing.AllocsPerRun(100, func() { _ = canonicalQualname(q) }); n != 0 {
			t.Errorf("canonicalQualname(%q): %v allocs", q, n)
		}
	}
}

func BenchmarkCanonicalQualnameMiss(b *testing.B) {
	for i := 0; i < b.N; i++ {
		_ = canonicalQualname("pandas.DataFrame.merge")
	}
}
