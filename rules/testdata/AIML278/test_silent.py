from explainerdashboard import ExplainerDashboard

ExplainerDashboard(explainer).run(port=8050)
