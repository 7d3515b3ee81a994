package analyzer

import "testing"

func TestAnnotatedDependsIsServerResolved(t *testing.T) {
	src := `from typing import Annotated
from fastapi import FastAPI, Depends

app = FastAPI()
CurrentUser = Annotated[dict, Depends(get_user)]

@app.post("/a")
def a(user: Annotated[dict, Depends(get_user)], q: str):
    return user, q

@app.post("/b")
def b(user: CurrentUser, q: Annotated[str, "doc"]):
    return user, q
`
	f := parseFile(t, src)
	labels := map[string]Label{}
	for _, s := range f.allScopes() {
		if fn := s.Func(); fn != nil {
			for _, p := range s.Params {
				labels[s.Name()+"."+p.Name] = fn.ParamLabel(p)
			}
		}
	}
	for k, want := range map[string]Label{"a.user": 0, "a.q": WebField, "b.user": 0, "b.q": WebField} {
		if labels[k] != want {
			t.Errorf("%s: label %b, want %b", k, labels[k], want)
		}
	}
}
