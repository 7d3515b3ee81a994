package analyzer

import "strings"

// TorchServe handlers, ROUTE HANDLER kind 6 (§3.2 item 6).
//
// TorchServe runs a handler class's handle(self, data, context), which in
// BaseHandler calls preprocess(data), inference(...) and postprocess(...);
// the function-handler form is a module-level handle(data, context). data
// is the request batch: a list with one dict per request whose "data" or
// "body" entry is that request's payload (raw bytes/bytearray unless the
// frontend decoded JSON). context is TorchServe's Context (model_dir,
// manifest, system_properties), configuration rather than request data.
//
// Labels (§3.5): the request parameter (the first non-self parameter, any
// name) and the other parameters except self, ctx and context are
// WEB-TAINT, labelled WebBody: the payload is the raw request body, which
// the glossary files under WEB-BODY ("uploaded files and raw bodies"), not a
// string-valued request field (WEB-FIELD lists named fields only). Its
// elements and their .get("data")/.get("body")/["data"]/["body"] are request
// data through the shared subscript/.get propagation of a tainted container
// (§3.6 (3)); nothing TorchServe-specific is needed there.
//
// Startup hook (§3.2): initialize of such a subclass.

// torchServeMethods are the handler methods TorchServe calls with request data.
var torchServeMethods = map[string]bool{"handle": true, "preprocess": true, "inference": true, "postprocess": true}

// TorchServeHandlerPrefix is the package whose classes are TorchServe
// handler bases (BaseHandler, ImageClassifier, VisionHandler, TextHandler,
// ObjectDetector, ...).
const TorchServeHandlerPrefix = "ts.torch_handler."

// IsTorchServeHandlerClass reports whether class derives, directly or
// through classes of this module, from a class imported from
// ts.torch_handler.* (ts.torch_handler.base_handler.BaseHandler and the
// default handlers).
func (f *File) IsTorchServeHandlerClass(class *Node) bool {
	if class == nil || !f.Imports("ts") {
		return false
	}
	return f.ClassDerives(class, func(q string) bool { return strings.HasPrefix(q, TorchServeHandlerPrefix) })
}

// isTorchServeHandleFunc: a module-level `def handle(data, context)` in a
// module that imports ts (TorchServe's function-handler entry point, called
// with two positional arguments).
func (f *File) isTorchServeHandleFunc(s *Scope) bool {
	if s.Kind != ScopeFunction || s.Parent != f.Module || s.Name() != "handle" || !f.Imports("ts") {
		return false
	}
	if f.InMainBlock(s.Node) {
		return false // §3.1: the __main__ block is never a ROUTE HANDLER
	}
	positional := 0
	for _, p := range s.Params {
		if p.Splat {
			return !isKwSplat(p) && positional >= 1
		}
		positional++
	}
	return positional >= 2
}
