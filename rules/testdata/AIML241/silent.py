import os
import gradio as gr
from fastapi import FastAPI

demo = gr.Interface(fn=classify, inputs="image", outputs="label")
demo.launch(share=True, auth=("ops", os.environ["DEMO_PASSWORD"]))

# share absent, False or not a literal.
demo.launch()
demo.launch(share=False)
demo.launch(share=os.environ.get("SHARE") == "1")

# Any non-None auth, including a check function.
demo.launch(share=True, auth=check_login)
demo.launch(share=True, auth=CREDENTIALS, auth_message="internal")

# auth may come through **kwargs or positionally.
demo.launch(share=True, **launch_kwargs)
demo.launch(None, False, True)

# Mounted on a server: no share link.
app = FastAPI()
app = gr.mount_gradio_app(app, demo, path="/ui")

# Not a Gradio app.
server.launch(share=True)
other = Launcher()
other.launch(share=True)
