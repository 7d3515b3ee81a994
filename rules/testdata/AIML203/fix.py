import torch
import torch.nn.functional as F


def train_epoch(model, loader):
    optimizer = torch.optim.AdamW(model.parameters(), lr=1e-4)
    scaler = torch.cuda.amp.GradScaler()
    for x, y in loader:
        optimizer.zero_grad()
        with torch.autocast("cuda", dtype=torch.float16):
            loss = F.cross_entropy(model(x), y)
        scaler.scale(loss).backward()
        optimizer.step()  # want: AIML203


class Trainer:
    def __init__(self, model):
        self.opt = torch.optim.Adam(model.parameters())
        self.scaler = torch.amp.GradScaler("cuda")

    def train_step(self, loss):
        self.scaler.scale(loss).backward()
        self.opt.step()  # want: AIML203
        self.scaler.update()


def inline(model, x):
    rms = torch.optim.RMSprop(model.parameters())
    s = torch.amp.GradScaler()
    s.scale(model(x).sum()).backward(); rms.step()  # want: AIML203


# A GAN's two direct steps: both go through the scaler, and only the last
# one adds the update, so applying both fixes updates once per iteration.
def train_gan(gen, disc, batches):
    opt_d = torch.optim.Adam(disc.parameters())
    opt_g = torch.optim.Adam(gen.parameters())
    scaler = torch.cuda.amp.GradScaler()
    for x in batches:
        scaler.scale(disc(x).mean()).backward()
        opt_d.step()  # want: AIML203
        scaler.scale(gen(x).mean()).backward()
        opt_g.step()  # want: AIML203
