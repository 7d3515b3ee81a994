import gradio as gr
from gradio import Blocks, ChatInterface

demo = gr.Interface(fn=classify, inputs="image", outputs="label")
demo.launch(share=True)  # want: AIML241

# Chained on the constructor.
gr.Interface(fn=classify, inputs="text", outputs="label").launch(share=True)  # want: AIML241

# with gr.Blocks() as demo:
with gr.Blocks() as blocks:
    gr.Markdown("model")
blocks.launch(server_name="0.0.0.0", share=True)  # want: AIML241

# queue() returns the same Blocks; auth=None is no auth.
blocks.queue(max_size=20).launch(
    server_port=7860,
    share=True,  # want: AIML241
    auth=None,
)

chat = ChatInterface(fn=respond)
chat.launch(share=True, debug=True)  # want: AIML241

tabs = gr.TabbedInterface([demo, chat], ["Classify", "Chat"])
tabs.launch(share=True)  # want: AIML241


class App:
    def __init__(self):
        self.ui = Blocks()

    def serve(self):
        self.ui.launch(share=True)  # want: AIML241


def main():
    with gr.Blocks(title="x") as ui:
        pass
    ui.launch(share=(True))  # want: AIML241
