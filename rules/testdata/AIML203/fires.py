# Spec example (fires), then variants.
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


# torch.amp.GradScaler, from-imports with `as`, update present.
from torch.amp import GradScaler as Scaler
from torch.optim import SGD


def train_sgd(model, batches):
    opt = SGD(model.parameters(), lr=0.1)
    sc = Scaler("cuda")
    for x, y in batches:
        sc.scale(model(x).sum()).backward()
        opt.step()  # want: AIML203
        sc.update()


# torch.GradScaler and a parameter annotated torch.optim.Optimizer.
def step_once(model, batch, optimizer: torch.optim.Optimizer):
    gs = torch.GradScaler()
    loss = model(batch).mean()
    gs.scale(loss).backward()
    optimizer.step()  # want: AIML203


# self.<attr> scaler and optimizer inside a class; module alias of torch.optim.
import torch.optim as optim
from torch.cuda.amp import GradScaler


class Trainer:
    def __init__(self, model):
        self.model = model
        self.opt = optim.Adam(model.parameters())
        self.scaler = GradScaler(init_scale=2.0**16)

    def train_step(self, x):
        loss = self.model(x).mean()
        self.scaler.scale(loss).backward()
        self.opt.step()  # want: AIML203
        self.opt.zero_grad()


# Multi-line receiver expression; scaler enabled explicitly.
def multi(model, x):
    adam = torch.optim.Adam(model.parameters())
    scaler = torch.cuda.amp.GradScaler(enabled=True)
    scaler.scale(model(x).sum()).backward()
    (adam
     .step())  # want: AIML203


# The step is reported even when it is not a statement of its own (guidance fix).
def inline(model, x):
    rms = torch.optim.RMSprop(model.parameters())
    s = torch.amp.GradScaler()
    s.scale(model(x).sum()).backward(); rms.step()  # want: AIML203


# Two optimizers, one scaler (a GAN): stepping the discriminator through the
# scaler does not cover the generator's direct step.
def gan_step(gen, disc, real, noise):
    opt_d = torch.optim.Adam(disc.parameters())
    opt_g = torch.optim.Adam(gen.parameters())
    scaler = torch.amp.GradScaler("cuda")
    scaler.scale(disc(real).mean() - disc(gen(noise)).mean()).backward()
    scaler.step(opt_d)
    scaler.scale(-disc(gen(noise)).mean()).backward()
    opt_g.step()  # want: AIML203
    scaler.update()
