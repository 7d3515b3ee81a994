from transformers import AutoModelForCausalLM

model = AutoModelForCausalLM.from_pretrained(
    "meta-llama/Llama-2-13b-hf",
    device_map="auto",
    offload_folder="/tmp/offload",  # want: AIML200
)


def load(name):
    if name:
        return AutoModelForCausalLM.from_pretrained(name, offload_folder=("/dev/shm/x"))  # want: AIML200
    else: return AutoModelForCausalLM.from_pretrained(name, offload_folder="/tmp/y")  # want: AIML200
