import gradio as gr

demo = gr.Interface(fn=classify, inputs="image", outputs="label")
demo.launch(share=True)  # want: AIML241

with gr.Blocks() as blocks:
    gr.Markdown("model")
blocks.queue().launch(
    server_name="0.0.0.0",
    share=True,  # want: AIML241
    auth=None,
)
