package analyzer

import "strings"

// Re-export canonicalisation.
//
// Libraries define objects in one module and re-export them from a public
// package: StandardScaler lives in sklearn.preprocessing._data and is
// imported as sklearn.preprocessing.StandardScaler. Resolution maps every
// spelling in reexportTable to the one public, documented spelling (the one
// rules match), so `from sklearn.preprocessing._data import StandardScaler`
// and `from sklearn.preprocessing import StandardScaler` give the same
// qualified name. Canonicalisation happens where a qualified name is formed
// (import bindings, attribute chains, star imports), so Qualname, Call.Is and
// receiver typing all agree. Names that are not in the table, and relative
// names (".x"), are left as they are.

// reexport is one row of the table: names of module from that are
// importable from module to. names is space-separated:
//
//	X       the public name X (the same name in to)
//	X=Y     X of from is Y of to (a renaming re-export)
//	Auto*   every public name starting with "Auto"
//	*Drift  every public name ending with "Drift"
//	*       every public name (only for leaf modules, i.e. .py files, whose
//	        public names are all re-exported; a package's submodules would
//	        otherwise be mapped too)
//
// Rows chain: a name mapped into a module that is itself a row's from is
// mapped again (transformers.models.auto.modeling_auto -> .models.auto ->
// transformers).
type reexport struct{ from, to, names string }

var reexportTable = []reexport{
	// evidently: src/evidently/__init__.py, core/report.py, future/report.py
	// (HEAD, 0.7.x); report/__init__.py, test_suite/__init__.py (v0.4.40,
	// v0.6.7); legacy/report/__init__.py, legacy/test_suite/__init__.py (HEAD).
	// evidently.Report (0.7+) is core.report.Report; future.report is a star
	// re-export of core.report. evidently.report.Report (<=0.6) and
	// evidently.legacy.report.Report (0.7+) are the legacy class and stay
	// distinct spellings.
	{"evidently.core.report", "evidently", "Report Run"},
	{"evidently.future.report", "evidently", "Report Run"},
	{"evidently.core.datasets", "evidently", "Dataset DataDefinition BinaryClassification MulticlassClassification Regression Recsys LLMClassification"},
	{"evidently.core.compare", "evidently", "compare"},
	{"evidently.report.report", "evidently.report", "Report"},
	{"evidently.test_suite.test_suite", "evidently.test_suite", "TestSuite"},
	{"evidently.legacy.report.report", "evidently.legacy.report", "Report"},
	{"evidently.legacy.test_suite.test_suite", "evidently.legacy.test_suite", "TestSuite"},

	// scikit-learn: sklearn/{preprocessing,decomposition,feature_selection,
	// impute,model_selection,ensemble,covariance,neighbors,svm,linear_model,
	// inspection}/__init__.py of 1.3 (microsoft/ML-For-Beginners vendored
	// site-packages), and preprocessing/__init__.py of 0.20 and
	// decomposition, feature_selection of 0.1x (scikit-learn/scikit-learn)
	// for the pre-0.22 public module names (preprocessing.data, ...).
	{"sklearn.preprocessing._data", "sklearn.preprocessing", "Binarizer KernelCenterer MaxAbsScaler MinMaxScaler Normalizer PowerTransformer QuantileTransformer RobustScaler StandardScaler add_dummy_feature binarize maxabs_scale minmax_scale normalize power_transform quantile_transform robust_scale scale"},
	{"sklearn.preprocessing._discretization", "sklearn.preprocessing", "KBinsDiscretizer"},
	{"sklearn.preprocessing._encoders", "sklearn.preprocessing", "OneHotEncoder OrdinalEncoder"},
	{"sklearn.preprocessing._function_transformer", "sklearn.preprocessing", "FunctionTransformer"},
	{"sklearn.preprocessing._label", "sklearn.preprocessing", "LabelBinarizer LabelEncoder MultiLabelBinarizer label_binarize"},
	{"sklearn.preprocessing._polynomial", "sklearn.preprocessing", "PolynomialFeatures SplineTransformer"},
	{"sklearn.preprocessing._target_encoder", "sklearn.preprocessing", "TargetEncoder"},
	{"sklearn.preprocessing.data", "sklearn.preprocessing", "Binarizer KernelCenterer MinMaxScaler MaxAbsScaler Normalizer RobustScaler StandardScaler QuantileTransformer PowerTransformer PolynomialFeatures add_dummy_feature binarize normalize scale robust_scale maxabs_scale minmax_scale quantile_transform power_transform"},
	{"sklearn.preprocessing.label", "sklearn.preprocessing", "LabelBinarizer LabelEncoder MultiLabelBinarizer label_binarize"},
	{"sklearn.preprocessing.imputation", "sklearn.preprocessing", "Imputer"},
	{"sklearn.decomposition._dict_learning", "sklearn.decomposition", "DictionaryLearning MiniBatchDictionaryLearning SparseCoder dict_learning dict_learning_online sparse_encode"},
	{"sklearn.decomposition._factor_analysis", "sklearn.decomposition", "FactorAnalysis"},
	{"sklearn.decomposition._fastica", "sklearn.decomposition", "FastICA fastica"},
	{"sklearn.decomposition._incremental_pca", "sklearn.decomposition", "IncrementalPCA"},
	{"sklearn.decomposition._kernel_pca", "sklearn.decomposition", "KernelPCA"},
	{"sklearn.decomposition._lda", "sklearn.decomposition", "LatentDirichletAllocation"},
	{"sklearn.decomposition._nmf", "sklearn.decomposition", "NMF MiniBatchNMF non_negative_factorization"},
	{"sklearn.decomposition._pca", "sklearn.decomposition", "PCA"},
	{"sklearn.decomposition._sparse_pca", "sklearn.decomposition", "MiniBatchSparsePCA SparsePCA"},
	{"sklearn.decomposition._truncated_svd", "sklearn.decomposition", "TruncatedSVD"},
	{"sklearn.decomposition.pca", "sklearn.decomposition", "PCA"},
	{"sklearn.decomposition.nmf", "sklearn.decomposition", "NMF"},
	{"sklearn.decomposition.kernel_pca", "sklearn.decomposition", "KernelPCA"},
	{"sklearn.decomposition.sparse_pca", "sklearn.decomposition", "SparsePCA MiniBatchSparsePCA"},
	{"sklearn.decomposition.factor_analysis", "sklearn.decomposition", "FactorAnalysis"},
	{"sklearn.feature_selection._base", "sklearn.feature_selection", "SelectorMixin"},
	{"sklearn.feature_selection._from_model", "sklearn.feature_selection", "SelectFromModel"},
	{"sklearn.feature_selection._mutual_info", "sklearn.feature_selection", "mutual_info_classif mutual_info_regression"},
	{"sklearn.feature_selection._rfe", "sklearn.feature_selection", "RFE RFECV"},
	{"sklearn.feature_selection._sequential", "sklearn.feature_selection", "SequentialFeatureSelector"},
	{"sklearn.feature_selection._univariate_selection", "sklearn.feature_selection", "GenericUnivariateSelect SelectFdr SelectFpr SelectFwe SelectKBest SelectPercentile chi2 f_classif f_oneway f_regression r_regression"},
	{"sklearn.feature_selection._variance_threshold", "sklearn.feature_selection", "VarianceThreshold"},
	{"sklearn.feature_selection.univariate_selection", "sklearn.feature_selection", "GenericUnivariateSelect SelectFdr SelectFpr SelectFwe SelectKBest SelectPercentile chi2 f_classif f_oneway f_regression"},
	{"sklearn.feature_selection.variance_threshold", "sklearn.feature_selection", "VarianceThreshold"},
	{"sklearn.feature_selection.rfe", "sklearn.feature_selection", "RFE RFECV"},
	{"sklearn.impute._base", "sklearn.impute", "MissingIndicator SimpleImputer"},
	{"sklearn.impute._knn", "sklearn.impute", "KNNImputer"},
	{"sklearn.impute._iterative", "sklearn.impute", "IterativeImputer"}, // after sklearn.experimental.enable_iterative_imputer
	{"sklearn.model_selection._plot", "sklearn.model_selection", "LearningCurveDisplay ValidationCurveDisplay"},
	{"sklearn.model_selection._search", "sklearn.model_selection", "GridSearchCV ParameterGrid ParameterSampler RandomizedSearchCV"},
	{"sklearn.model_selection._search_successive_halving", "sklearn.model_selection", "HalvingGridSearchCV HalvingRandomSearchCV"},
	{"sklearn.model_selection._split", "sklearn.model_selection", "BaseCrossValidator BaseShuffleSplit GroupKFold GroupShuffleSplit KFold LeaveOneGroupOut LeaveOneOut LeavePGroupsOut LeavePOut PredefinedSplit RepeatedKFold RepeatedStratifiedKFold ShuffleSplit StratifiedGroupKFold StratifiedKFold StratifiedShuffleSplit TimeSeriesSplit check_cv train_test_split"},
	{"sklearn.model_selection._validation", "sklearn.model_selection", "cross_val_predict cross_val_score cross_validate learning_curve permutation_test_score validation_curve"},
	{"sklearn.ensemble._bagging", "sklearn.ensemble", "BaggingClassifier BaggingRegressor"},
	{"sklearn.ensemble._base", "sklearn.ensemble", "BaseEnsemble"},
	{"sklearn.ensemble._forest", "sklearn.ensemble", "ExtraTreesClassifier ExtraTreesRegressor RandomForestClassifier RandomForestRegressor RandomTreesEmbedding"},
	{"sklearn.ensemble._gb", "sklearn.ensemble", "GradientBoostingClassifier GradientBoostingRegressor"},
	{"sklearn.ensemble._hist_gradient_boosting.gradient_boosting", "sklearn.ensemble", "HistGradientBoostingClassifier HistGradientBoostingRegressor"},
	{"sklearn.ensemble._iforest", "sklearn.ensemble", "IsolationForest"},
	{"sklearn.ensemble._stacking", "sklearn.ensemble", "StackingClassifier StackingRegressor"},
	{"sklearn.ensemble._voting", "sklearn.ensemble", "VotingClassifier VotingRegressor"},
	{"sklearn.ensemble._weight_boosting", "sklearn.ensemble", "AdaBoostClassifier AdaBoostRegressor"},
	{"sklearn.covariance._elliptic_envelope", "sklearn.covariance", "EllipticEnvelope"},
	{"sklearn.covariance._empirical_covariance", "sklearn.covariance", "EmpiricalCovariance empirical_covariance log_likelihood"},
	{"sklearn.covariance._robust_covariance", "sklearn.covariance", "MinCovDet fast_mcd"},
	{"sklearn.neighbors._lof", "sklearn.neighbors", "LocalOutlierFactor"},
	{"sklearn.neighbors._classification", "sklearn.neighbors", "KNeighborsClassifier RadiusNeighborsClassifier"},
	{"sklearn.neighbors._regression", "sklearn.neighbors", "KNeighborsRegressor RadiusNeighborsRegressor"},
	{"sklearn.neighbors._unsupervised", "sklearn.neighbors", "NearestNeighbors"},
	{"sklearn.neighbors._kde", "sklearn.neighbors", "KernelDensity"},
	{"sklearn.svm._classes", "sklearn.svm", "SVC SVR LinearSVC LinearSVR NuSVC NuSVR OneClassSVM"},
	{"sklearn.linear_model._stochastic_gradient", "sklearn.linear_model", "SGDClassifier SGDOneClassSVM SGDRegressor"},
	{"sklearn.linear_model._base", "sklearn.linear_model", "LinearRegression"},
	{"sklearn.linear_model._logistic", "sklearn.linear_model", "LogisticRegression LogisticRegressionCV"},
	{"sklearn.linear_model._ridge", "sklearn.linear_model", "Ridge RidgeClassifier RidgeClassifierCV RidgeCV ridge_regression"},
	{"sklearn.linear_model._coordinate_descent", "sklearn.linear_model", "ElasticNet ElasticNetCV Lasso LassoCV MultiTaskElasticNet MultiTaskElasticNetCV MultiTaskLasso MultiTaskLassoCV enet_path lasso_path"},
	{"sklearn.inspection._permutation_importance", "sklearn.inspection", "permutation_importance"},
	{"sklearn.inspection._partial_dependence", "sklearn.inspection", "partial_dependence"},

	// transformers: src/transformers/models/auto/__init__.py (4.4x, and the
	// video_processing_auto import of later versions), src/transformers/
	// __init__.py 4.48 ("models.auto", "pipelines", "modeling_utils",
	// "trainer", "training_args", "tokenization_utils*" entries).
	{"transformers.models.auto.auto_factory", "transformers.models.auto", "get_values"},
	{"transformers.models.auto.configuration_auto", "transformers.models.auto", "Auto* CONFIG_MAPPING MODEL_NAMES_MAPPING"},
	{"transformers.models.auto.feature_extraction_auto", "transformers.models.auto", "Auto* FEATURE_EXTRACTOR_MAPPING"},
	{"transformers.models.auto.image_processing_auto", "transformers.models.auto", "Auto* IMAGE_PROCESSOR_MAPPING"},
	{"transformers.models.auto.processing_auto", "transformers.models.auto", "Auto* PROCESSOR_MAPPING"},
	{"transformers.models.auto.tokenization_auto", "transformers.models.auto", "Auto* TOKENIZER_MAPPING"},
	{"transformers.models.auto.video_processing_auto", "transformers.models.auto", "Auto* VIDEO_PROCESSOR_MAPPING"},
	{"transformers.models.auto.modeling_auto", "transformers.models.auto", "Auto* MODEL_MAPPING"},
	{"transformers.models.auto.modeling_tf_auto", "transformers.models.auto", "TFAuto*"},
	{"transformers.models.auto.modeling_flax_auto", "transformers.models.auto", "FlaxAuto*"},
	{"transformers.models.auto", "transformers", "Auto* CONFIG_MAPPING MODEL_NAMES_MAPPING FEATURE_EXTRACTOR_MAPPING IMAGE_PROCESSOR_MAPPING PROCESSOR_MAPPING TOKENIZER_MAPPING MODEL_MAPPING"},
	{"transformers.pipelines", "transformers", "pipeline Pipeline *Pipeline PipelineDataFormat CsvPipelineDataFormat JsonPipelineDataFormat PipedPipelineDataFormat"},
	{"transformers.modeling_utils", "transformers", "PreTrainedModel"},
	{"transformers.trainer", "transformers", "Trainer"},
	{"transformers.trainer_seq2seq", "transformers", "Seq2SeqTrainer"},
	{"transformers.training_args", "transformers", "TrainingArguments"},
	{"transformers.tokenization_utils", "transformers", "PreTrainedTokenizer"},
	{"transformers.tokenization_utils_base", "transformers", "AddedToken BatchEncoding PreTrainedTokenizerBase"},
	{"transformers.tokenization_utils_fast", "transformers", "PreTrainedTokenizerFast"},

	// torch: torch/__init__.py (`from torch.serialization import load, save`,
	// `from torch.amp import autocast, GradScaler`), torch/amp/__init__.py,
	// torch/cuda/amp/__init__.py, torch/jit/__init__.py,
	// torch/distributed/__init__.py (`from .distributed_c10d import *`),
	// torch/distributed/rpc/__init__.py (`from .api import *`),
	// torch/distributed/checkpoint/__init__.py, torch/nn/parallel/__init__.py,
	// torch/nn/utils/__init__.py, torch/optim/__init__.py.
	{"torch.serialization", "torch", "load save"},
	{"torch.amp.grad_scaler", "torch.amp", "GradScaler"},
	{"torch.amp.autocast_mode", "torch.amp", "autocast custom_bwd custom_fwd is_autocast_available"},
	{"torch.cuda.amp.grad_scaler", "torch.cuda.amp", "GradScaler"},
	{"torch.cuda.amp.autocast_mode", "torch.cuda.amp", "autocast custom_bwd custom_fwd"},
	{"torch.jit._serialization", "torch.jit", "load save"},
	{"torch.distributed.distributed_c10d", "torch.distributed", "*"},
	{"torch.distributed.rpc.api", "torch.distributed.rpc", "*"},
	{"torch.distributed.rpc.options", "torch.distributed.rpc", "TensorPipeRpcBackendOptions"},
	{"torch.distributed.checkpoint.filesystem", "torch.distributed.checkpoint", "FileSystemReader FileSystemWriter"},
	{"torch.distributed.checkpoint.state_dict_loader", "torch.distributed.checkpoint", "load load_state_dict"},
	{"torch.distributed.checkpoint.state_dict_saver", "torch.distributed.checkpoint", "async_save save save_state_dict"},
	{"torch.distributed.checkpoint.default_planner", "torch.distributed.checkpoint", "DefaultLoadPlanner DefaultSavePlanner"},
	{"torch.distributed.checkpoint.storage", "torch.distributed.checkpoint", "StorageReader StorageWriter"},
	{"torch.distributed.checkpoint.optimizer", "torch.distributed.checkpoint", "load_sharded_optimizer_state_dict"},
	{"torch.nn.parallel.data_parallel", "torch.nn.parallel", "DataParallel data_parallel"},
	{"torch.nn.parallel.distributed", "torch.nn.parallel", "DistributedDataParallel"},
	{"torch.nn.parallel.parallel_apply", "torch.nn.parallel", "parallel_apply"},
	{"torch.nn.parallel.replicate", "torch.nn.parallel", "replicate"},
	{"torch.nn.parallel.scatter_gather", "torch.nn.parallel", "scatter gather"},
	{"torch.nn.utils.clip_grad", "torch.nn.utils", "clip_grad_norm clip_grad_norm_ clip_grad_value_"},
	{"torch.nn.utils.convert_parameters", "torch.nn.utils", "parameters_to_vector vector_to_parameters"},
	{"torch.nn.utils.spectral_norm", "torch.nn.utils", "spectral_norm remove_spectral_norm"},
	{"torch.nn.utils.weight_norm", "torch.nn.utils", "weight_norm remove_weight_norm"},
	{"torch.optim.adadelta", "torch.optim", "Adadelta"},
	{"torch.optim.adagrad", "torch.optim", "Adagrad"},
	{"torch.optim.adam", "torch.optim", "Adam"},
	{"torch.optim.adamw", "torch.optim", "AdamW"},
	{"torch.optim.sparse_adam", "torch.optim", "SparseAdam"},
	{"torch.optim.adamax", "torch.optim", "Adamax"},
	{"torch.optim.asgd", "torch.optim", "ASGD"},
	{"torch.optim.sgd", "torch.optim", "SGD"},
	{"torch.optim.rprop", "torch.optim", "Rprop"},
	{"torch.optim.rmsprop", "torch.optim", "RMSprop"},
	{"torch.optim.lbfgs", "torch.optim", "LBFGS"},
	{"torch.optim.optimizer", "torch.optim", "Optimizer"},

	// feast: sdk/python/feast/__init__.py (HEAD). feast/permissions/__init__.py
	// is empty: feast.permissions.* names stay as they are.
	{"feast.feature_store", "feast", "FeatureStore"},
	{"feast.feature_view", "feast", "FeatureView FeatureViewState"},
	{"feast.batch_feature_view", "feast", "BatchFeatureView"},
	{"feast.stream_feature_view", "feast", "StreamFeatureView"},
	{"feast.on_demand_feature_view", "feast", "OnDemandFeatureView"},
	{"feast.feature_service", "feast", "FeatureService"},
	{"feast.entity", "feast", "Entity"},
	{"feast.feature", "feast", "Feature"},
	{"feast.field", "feast", "Field"},
	{"feast.value_type", "feast", "ValueType"},
	{"feast.repo_config", "feast", "RepoConfig"},
	{"feast.project", "feast", "Project"},
	{"feast.aggregation", "feast", "Aggregation"},
	{"feast.data_source", "feast", "KafkaSource KinesisSource PushSource RequestSource"},
	{"feast.infra.offline_stores.file_source", "feast", "FileSource"},
	{"feast.infra.offline_stores.bigquery_source", "feast", "BigQuerySource"},
	{"feast.infra.offline_stores.redshift_source", "feast", "RedshiftSource"},
	{"feast.infra.offline_stores.snowflake_source", "feast", "SnowflakeSource"},

	// mlflow: mlflow/__init__.py (2.x), mlflow/tracking/__init__.py (2.x).
	// mlflow.pyfunc.load_model, mlflow.sklearn.log_model and
	// mlflow.artifacts.download_artifacts are defined where they are spelled.
	{"mlflow.tracking.fluent", "mlflow", "ActiveRun active_run autolog create_experiment delete_experiment delete_run delete_tag end_run get_artifact_uri get_experiment get_experiment_by_name get_parent_run get_run last_active_run load_table log_artifact log_artifacts log_dict log_figure log_image log_input log_metric log_metrics log_param log_params log_table log_text search_experiments search_runs set_experiment set_experiment_tag set_experiment_tags set_tag set_tags start_run"},
	{"mlflow.tracking._model_registry.fluent", "mlflow", "register_model search_model_versions search_registered_models"},
	{"mlflow.tracking.client", "mlflow.tracking", "MlflowClient"},
	{"mlflow.tracking._tracking_service.utils", "mlflow.tracking", "get_tracking_uri is_tracking_uri_set set_tracking_uri"},
	{"mlflow.tracking._model_registry.utils", "mlflow.tracking", "get_registry_uri set_registry_uri"},
	{"mlflow.tracking", "mlflow", "MlflowClient get_tracking_uri is_tracking_uri_set set_tracking_uri get_registry_uri set_registry_uri"},
	{"mlflow.client", "mlflow", "MlflowClient"},
	{"mlflow.models", "mlflow", "evaluate"},

	// prometheus_client: prometheus_client/__init__.py and core.py re-export
	// the metric classes defined in metrics.py.
	{"prometheus_client.metrics", "prometheus_client", "Counter Gauge Histogram Summary Info Enum"},
	{"prometheus_client.core", "prometheus_client", "Counter Gauge Histogram Summary Info Enum"},
	// wandb: wandb/__init__.py, wandb/sdk/__init__.py, wandb/apis/__init__.py,
	// wandb/apis/public/__init__.py (HEAD 0.2x).
	{"wandb.sdk.wandb_init", "wandb.sdk", "init"},
	{"wandb.sdk.wandb_login", "wandb.sdk", "login"},
	{"wandb.sdk.wandb_run", "wandb.sdk", "finish"},
	{"wandb.sdk.wandb_setup", "wandb.sdk", "setup teardown"},
	{"wandb.sdk.wandb_sweep", "wandb.sdk", "sweep controller"},
	{"wandb.sdk.wandb_require", "wandb.sdk", "require"},
	{"wandb.sdk.wandb_settings", "wandb.sdk", "Settings"},
	{"wandb.sdk.wandb_config", "wandb.sdk", "Config"},
	{"wandb.sdk.wandb_summary", "wandb.sdk", "Summary"},
	{"wandb.sdk.artifacts.artifact", "wandb.sdk", "Artifact"},
	{"wandb.sdk", "wandb", "init setup finish login sweep controller require teardown Artifact Settings"},
	{"wandb.sdk.wandb_run", "wandb", "Run"},
	{"wandb.sdk.artifacts.artifact_ttl", "wandb", "ArtifactTTL"},
	{"wandb.apis.public.api", "wandb.apis.public", "Api"},
	{"wandb.apis.public", "wandb.apis", "Api=PublicApi"},
	{"wandb.apis", "wandb", "PublicApi=Api"},
	{"wandb.data_types", "wandb", "Graph Image Plotly Video Audio Table EvalTable Html box3d Object3D Molecule Histogram Classes JoinedTable"},
	{"wandb.wandb_agent", "wandb", "agent"},
	{"wandb.plot", "wandb", "visualize plot_table"},
	{"wandb.errors", "wandb", "Error CommError UsageError"},

	// numpy: numpy/__init__.py, numpy/lib/__init__.py, numpy/_core/__init__.py
	// (HEAD 2.x) and numpy/__init__.py, numpy/lib/npyio.py, type_check.py,
	// numpy/core/__init__.py, numeric.py, multiarray.py (v1.26.4).
	{"numpy.lib._npyio_impl", "numpy", "fromregex genfromtxt load loadtxt packbits save savetxt savez savez_compressed unpackbits"},
	{"numpy.lib.npyio", "numpy", "fromregex genfromtxt load loadtxt packbits save savetxt savez savez_compressed unpackbits"},
	{"numpy.lib._type_check_impl", "numpy", "nan_to_num real imag iscomplex isreal iscomplexobj isrealobj"},
	{"numpy.lib.type_check", "numpy", "nan_to_num real imag iscomplex isreal iscomplexobj isrealobj"},
	{"numpy._core.multiarray", "numpy", "array asarray frombuffer fromfile"},
	{"numpy.core.multiarray", "numpy", "array asarray frombuffer fromfile"},
	{"numpy._core", "numpy", "array asarray frombuffer fromfile isfinite isnan float32 float64"},
	{"numpy.core", "numpy", "array asarray frombuffer fromfile isfinite isnan float32 float64"},

	// pandas: pandas/__init__.py, pandas/io/api.py, pandas/io/parsers/
	// __init__.py, pandas/core/api.py (2.x, microsoft/ML-For-Beginners
	// vendored site-packages; pandas-dev/pandas for 1.0).
	{"pandas.io.parsers.readers", "pandas.io.parsers", "TextFileReader TextParser read_csv read_fwf read_table"},
	{"pandas.io.parsers", "pandas", "read_csv read_fwf read_table"},
	{"pandas.io.pickle", "pandas", "read_pickle to_pickle"},
	{"pandas.io.sql", "pandas", "read_sql read_sql_query read_sql_table"},
	{"pandas.io.excel", "pandas", "ExcelFile ExcelWriter read_excel"},
	{"pandas.io.pytables", "pandas", "HDFStore read_hdf"},
	{"pandas.io.json", "pandas", "read_json"},
	{"pandas.io.html", "pandas", "read_html"},
	{"pandas.io.parquet", "pandas", "read_parquet"},
	{"pandas.io.orc", "pandas", "read_orc"},
	{"pandas.io.feather_format", "pandas", "read_feather"},
	{"pandas.io.gbq", "pandas", "read_gbq"},
	{"pandas.io.stata", "pandas", "read_stata"},
	{"pandas.io.sas", "pandas", "read_sas"},
	{"pandas.io.spss", "pandas", "read_spss"},
	{"pandas.io.xml", "pandas", "read_xml"},
	{"pandas.io.clipboards", "pandas", "read_clipboard"},
	{"pandas.io.api", "pandas", "*"},
	{"pandas.core.frame", "pandas", "DataFrame"},
	{"pandas.core.series", "pandas", "Series"},
	{"pandas.core.tools.datetimes", "pandas", "to_datetime"},
	{"pandas.core.tools.numeric", "pandas", "to_numeric"},
	{"pandas.core.tools.timedeltas", "pandas", "to_timedelta"},
	{"pandas.core.dtypes.missing", "pandas", "isna isnull notna notnull"},
	{"pandas.core.api", "pandas", "*"},
	{"pandas._libs", "pandas", "NaT Period Timedelta Timestamp"},

	// joblib: joblib/__init__.py (HEAD).
	{"joblib.numpy_pickle", "joblib", "dump load"},
	{"joblib.parallel", "joblib", "Parallel cpu_count delayed effective_n_jobs parallel_backend parallel_config register_parallel_backend"},
	{"joblib.memory", "joblib", "MemorizedResult Memory expires_after register_store_backend"},
	{"joblib.hashing", "joblib", "hash"},
	{"joblib.logger", "joblib", "Logger PrintTime"},
	{"joblib.compressor", "joblib", "register_compressor"},

	// imbalanced-learn: imblearn/{over_sampling,under_sampling,combine,
	// ensemble}/__init__.py, over_sampling/_smote/__init__.py,
	// under_sampling/_prototype_{selection,generation}/__init__.py,
	// imblearn/__init__.py (HEAD). imblearn.pipeline is a leaf module.
	{"imblearn.over_sampling._adasyn", "imblearn.over_sampling", "ADASYN"},
	{"imblearn.over_sampling._random_over_sampler", "imblearn.over_sampling", "RandomOverSampler"},
	{"imblearn.over_sampling._smote.base", "imblearn.over_sampling._smote", "SMOTE SMOTEN SMOTENC"},
	{"imblearn.over_sampling._smote.cluster", "imblearn.over_sampling._smote", "KMeansSMOTE"},
	{"imblearn.over_sampling._smote.filter", "imblearn.over_sampling._smote", "SVMSMOTE BorderlineSMOTE"},
	{"imblearn.over_sampling._smote", "imblearn.over_sampling", "SMOTE SMOTEN SMOTENC SVMSMOTE BorderlineSMOTE KMeansSMOTE"},
	{"imblearn.under_sampling._prototype_generation._cluster_centroids", "imblearn.under_sampling._prototype_generation", "ClusterCentroids"},
	{"imblearn.under_sampling._prototype_generation", "imblearn.under_sampling", "ClusterCentroids"},
	{"imblearn.under_sampling._prototype_selection._condensed_nearest_neighbour", "imblearn.under_sampling._prototype_selection", "CondensedNearestNeighbour"},
	{"imblearn.under_sampling._prototype_selection._edited_nearest_neighbours", "imblearn.under_sampling._prototype_selection", "AllKNN EditedNearestNeighbours RepeatedEditedNearestNeighbours"},
	{"imblearn.under_sampling._prototype_selection._instance_hardness_threshold", "imblearn.under_sampling._prototype_selection", "InstanceHardnessThreshold"},
	{"imblearn.under_sampling._prototype_selection._nearmiss", "imblearn.under_sampling._prototype_selection", "NearMiss"},
	{"imblearn.under_sampling._prototype_selection._neighbourhood_cleaning_rule", "imblearn.under_sampling._prototype_selection", "NeighbourhoodCleaningRule"},
	{"imblearn.under_sampling._prototype_selection._one_sided_selection", "imblearn.under_sampling._prototype_selection", "OneSidedSelection"},
	{"imblearn.under_sampling._prototype_selection._random_under_sampler", "imblearn.under_sampling._prototype_selection", "RandomUnderSampler"},
	{"imblearn.under_sampling._prototype_selection._tomek_links", "imblearn.under_sampling._prototype_selection", "TomekLinks"},
	{"imblearn.under_sampling._prototype_selection", "imblearn.under_sampling", "AllKNN CondensedNearestNeighbour EditedNearestNeighbours InstanceHardnessThreshold NearMiss NeighbourhoodCleaningRule OneSidedSelection RandomUnderSampler RepeatedEditedNearestNeighbours TomekLinks"},
	{"imblearn.combine._smote_enn", "imblearn.combine", "SMOTEENN"},
	{"imblearn.combine._smote_tomek", "imblearn.combine", "SMOTETomek"},
	{"imblearn.ensemble._bagging", "imblearn.ensemble", "BalancedBaggingClassifier"},
	{"imblearn.ensemble._easy_ensemble", "imblearn.ensemble", "EasyEnsembleClassifier"},
	{"imblearn.ensemble._forest", "imblearn.ensemble", "BalancedRandomForestClassifier"},
	{"imblearn.ensemble._weight_boosting", "imblearn.ensemble", "RUSBoostClassifier"},
	{"imblearn.base", "imblearn", "FunctionSampler"},

	// alibi-detect: alibi_detect/cd/__init__.py, od/__init__.py,
	// saving/__init__.py (HEAD).
	{"alibi_detect.cd.chisquare", "alibi_detect.cd", "ChiSquareDrift"},
	{"alibi_detect.cd.classifier", "alibi_detect.cd", "ClassifierDrift"},
	{"alibi_detect.cd.ks", "alibi_detect.cd", "KSDrift"},
	{"alibi_detect.cd.learned_kernel", "alibi_detect.cd", "LearnedKernelDrift"},
	{"alibi_detect.cd.lsdd", "alibi_detect.cd", "LSDDDrift"},
	{"alibi_detect.cd.lsdd_online", "alibi_detect.cd", "LSDDDriftOnline"},
	{"alibi_detect.cd.spot_the_diff", "alibi_detect.cd", "SpotTheDiffDrift"},
	{"alibi_detect.cd.mmd", "alibi_detect.cd", "MMDDrift"},
	{"alibi_detect.cd.mmd_online", "alibi_detect.cd", "MMDDriftOnline"},
	{"alibi_detect.cd.model_uncertainty", "alibi_detect.cd", "ClassifierUncertaintyDrift RegressorUncertaintyDrift"},
	{"alibi_detect.cd.tabular", "alibi_detect.cd", "TabularDrift"},
	{"alibi_detect.cd.cvm", "alibi_detect.cd", "CVMDrift"},
	{"alibi_detect.cd.cvm_online", "alibi_detect.cd", "CVMDriftOnline"},
	{"alibi_detect.cd.fet", "alibi_detect.cd", "FETDrift"},
	{"alibi_detect.cd.fet_online", "alibi_detect.cd", "FETDriftOnline"},
	{"alibi_detect.cd.context_aware", "alibi_detect.cd", "ContextMMDDrift"},
	{"alibi_detect.od.isolationforest", "alibi_detect.od", "IForest"},
	{"alibi_detect.od.mahalanobis", "alibi_detect.od", "Mahalanobis"},
	{"alibi_detect.od.sr", "alibi_detect.od", "SpectralResidual"},
	{"alibi_detect.saving.loading", "alibi_detect.saving", "load_detector read_config resolve_config"},
	{"alibi_detect.saving.saving", "alibi_detect.saving", "save_detector write_config"},
	{"alibi_detect.saving.validate", "alibi_detect.saving", "validate_config"},

	// shap: shap/__init__.py, shap/explainers/__init__.py,
	// shap/maskers/__init__.py, shap/utils/__init__.py (HEAD).
	{"shap.explainers._additive", "shap.explainers", "AdditiveExplainer"},
	{"shap.explainers._coalition", "shap.explainers", "CoalitionExplainer"},
	{"shap.explainers._deep", "shap.explainers", "DeepExplainer"},
	{"shap.explainers._exact", "shap.explainers", "ExactExplainer"},
	{"shap.explainers._gpu_tree", "shap.explainers", "GPUTreeExplainer"},
	{"shap.explainers._gradient", "shap.explainers", "GradientExplainer"},
	{"shap.explainers._kernel", "shap.explainers", "KernelExplainer"},
	{"shap.explainers._linear", "shap.explainers", "LinearExplainer"},
	{"shap.explainers._partition", "shap.explainers", "PartitionExplainer"},
	{"shap.explainers._permutation", "shap.explainers", "PermutationExplainer"},
	{"shap.explainers._sampling", "shap.explainers", "SamplingExplainer"},
	{"shap.explainers._tree", "shap.explainers", "TreeExplainer"},
	{"shap.explainers", "shap", "AdditiveExplainer CoalitionExplainer DeepExplainer ExactExplainer GPUTreeExplainer GradientExplainer KernelExplainer LinearExplainer PartitionExplainer PermutationExplainer SamplingExplainer TreeExplainer"},
	{"shap.explainers._explainer", "shap", "Explainer"},
	{"shap._explanation", "shap", "Cohorts Explanation"},
	{"shap.maskers._tabular", "shap.maskers", "Impute Independent Partition"},
	{"shap.maskers._text", "shap.maskers", "Text"},
	{"shap.maskers._image", "shap.maskers", "Image"},
	{"shap.maskers._masker", "shap.maskers", "Masker"},
	{"shap.maskers._composite", "shap.maskers", "Composite"},
	{"shap.maskers._fixed", "shap.maskers", "Fixed"},
	{"shap.maskers._fixed_composite", "shap.maskers", "FixedComposite"},
	{"shap.maskers._output_composite", "shap.maskers", "OutputComposite"},
	{"shap.utils", "shap", "approximate_interactions sample"},
	{"shap.utils._legacy", "shap", "kmeans"},

	// ray: python/ray/__init__.py, python/ray/serve/__init__.py (HEAD 2.x).
	{"ray._private.worker", "ray", "cancel get get_actor get_gpu_ids init is_initialized kill put remote shutdown wait"},
	{"ray._private.state", "ray", "nodes timeline cluster_resources available_resources"},
	{"ray.actor", "ray", "method"},
	{"ray.serve.api", "ray.serve", "Application Deployment RunTarget delete deployment get_app_handle get_deployment_handle get_multiplexed_model_id get_replica_context ingress multiplexed run run_many shutdown start status"},
	{"ray.serve.batching", "ray.serve", "batch"},
	{"ray.serve.config", "ray.serve", "HTTPOptions"},

	// bentoml: src/bentoml/__init__.py (lazy "_bentoml_sdk:..." table),
	// src/_bentoml_sdk/__init__.py, src/_bentoml_sdk/service/__init__.py
	// (HEAD 1.4).
	{"_bentoml_sdk", "bentoml", "Dependency IODescriptor Service api asgi_app depends mount_asgi_app on_deployment on_shutdown on_startup runner_service service task"},
	{"_bentoml_sdk.decorators", "_bentoml_sdk", "api on_shutdown on_startup asgi_app on_deployment task"},
	{"_bentoml_sdk.service", "_bentoml_sdk", "Service service runner_service depends"},
	{"_bentoml_sdk.service.factory", "_bentoml_sdk.service", "Service service runner_service"},
	{"_bentoml_sdk.service.dependency", "_bentoml_sdk", "Dependency"},
	{"_bentoml_sdk.service.dependency", "_bentoml_sdk.service", "depends"},
	{"_bentoml_sdk.io_models", "_bentoml_sdk", "IODescriptor"},
	{"bentoml._internal.service.loader", "bentoml", "load"},
	{"bentoml._internal.tag", "bentoml", "Tag"},
	{"bentoml._internal.context", "bentoml", "ServiceContext=Context"},

	// kserve: python/kserve/kserve/__init__.py (HEAD); kserve/__init__.py
	// and kserve/storage/__init__.py around adddf8c79 (2023, when Storage
	// moved to kserve.storage and then to the kserve_storage package);
	// python/storage/kserve_storage/__init__.py (HEAD). kserve.Storage
	// (before 0.11) is kserve.storage.Storage.
	{"kserve.model", "kserve", "Model"},
	{"kserve.model_server", "kserve", "ModelServer"},
	{"kserve.model_repository", "kserve", "ModelRepository"},
	{"kserve.predictor_config", "kserve", "PredictorConfig"},
	{"kserve.inference_client", "kserve", "InferenceGRPCClient InferenceRESTClient RESTConfig"},
	{"kserve.protocol.infer_type", "kserve", "InferRequest InferInput InferResponse InferOutput"},
	{"kserve.api.kserve_client", "kserve", "KServeClient"},
	{"kserve.storage.storage", "kserve.storage", "Storage"},
	{"kserve", "kserve.storage", "Storage"},
	{"kserve_storage.kserve_storage", "kserve_storage", "Storage"},

	// flwr (flower): framework/py/flwr/server/__init__.py,
	// server/strategy/__init__.py, client/__init__.py, simulation/__init__.py,
	// common/__init__.py (HEAD 1.2x).
	{"flwr.server.strategy.bulyan", "flwr.server.strategy", "Bulyan"},
	{"flwr.server.strategy.dp_adaptive_clipping", "flwr.server.strategy", "DifferentialPrivacyClientSideAdaptiveClipping DifferentialPrivacyServerSideAdaptiveClipping"},
	{"flwr.server.strategy.dp_fixed_clipping", "flwr.server.strategy", "DifferentialPrivacyClientSideFixedClipping DifferentialPrivacyServerSideFixedClipping"},
	{"flwr.server.strategy.dpfedavg_adaptive", "flwr.server.strategy", "DPFedAvgAdaptive"},
	{"flwr.server.strategy.dpfedavg_fixed", "flwr.server.strategy", "DPFedAvgFixed"},
	{"flwr.server.strategy.fault_tolerant_fedavg", "flwr.server.strategy", "FaultTolerantFedAvg"},
	{"flwr.server.strategy.fedadagrad", "flwr.server.strategy", "FedAdagrad"},
	{"flwr.server.strategy.fedadam", "flwr.server.strategy", "FedAdam"},
	{"flwr.server.strategy.fedavg", "flwr.server.strategy", "FedAvg"},
	{"flwr.server.strategy.fedavg_android", "flwr.server.strategy", "FedAvgAndroid"},
	{"flwr.server.strategy.fedavgm", "flwr.server.strategy", "FedAvgM"},
	{"flwr.server.strategy.fedmedian", "flwr.server.strategy", "FedMedian"},
	{"flwr.server.strategy.fedopt", "flwr.server.strategy", "FedOpt"},
	{"flwr.server.strategy.fedprox", "flwr.server.strategy", "FedProx"},
	{"flwr.server.strategy.fedtrimmedavg", "flwr.server.strategy", "FedTrimmedAvg"},
	{"flwr.server.strategy.fedxgb_bagging", "flwr.server.strategy", "FedXgbBagging"},
	{"flwr.server.strategy.fedxgb_cyclic", "flwr.server.strategy", "FedXgbCyclic"},
	{"flwr.server.strategy.fedxgb_nn_avg", "flwr.server.strategy", "FedXgbNnAvg"},
	{"flwr.server.strategy.fedyogi", "flwr.server.strategy", "FedYogi"},
	{"flwr.server.strategy.krum", "flwr.server.strategy", "Krum"},
	{"flwr.server.strategy.qfedavg", "flwr.server.strategy", "QFedAvg"},
	{"flwr.server.strategy.strategy", "flwr.server.strategy", "Strategy"},
	{"flwr.compat.server.app", "flwr.server", "start_server"},
	{"flwr.server.client_manager", "flwr.server", "ClientManager SimpleClientManager"},
	{"flwr.server.history", "flwr.server", "History"},
	{"flwr.server.server", "flwr.server", "Server"},
	{"flwr.server.server_app", "flwr.server", "ServerApp"},
	{"flwr.server.server_config", "flwr.server", "ServerConfig"},
	{"flwr.server.serverapp_components", "flwr.server", "ServerAppComponents"},
	{"flwr.compat.client.app", "flwr.client", "start_client start_numpy_client"},
	{"flwr.client.client", "flwr.client", "Client"},
	{"flwr.client.numpy_client", "flwr.client", "NumPyClient"},
	{"flwr.clientapp.client_app", "flwr.client", "ClientApp"},
	{"flwr.simulation.legacy_app", "flwr.simulation", "start_simulation"},
	{"flwr.simulation.run_simulation", "flwr.simulation", "run_simulation"},
	{"flwr.common.parameter", "flwr.common", "ndarrays_to_parameters parameters_to_ndarrays"},

	// ts (TorchServe): ts/torch_handler/__init__.py (pytorch/serve HEAD) is
	// empty, so ts.torch_handler.base_handler.BaseHandler is the only
	// spelling: no rows.
}

// reexportModule is the compiled form of the rows for one module.
type reexportModule struct {
	to       string            // target of pattern matches (last pattern row wins)
	exact    map[string]string // name -> canonical qualified name
	prefixes []string
	suffixes []string
	all      bool
}

// reexports maps a defining (or intermediate) module to its rows.
var reexports = map[string]*reexportModule{}

func init() {
	for _, r := range reexportTable {
		m := reexports[r.from]
		if m == nil {
			m = &reexportModule{exact: map[string]string{}}
			reexports[r.from] = m
		}
		for _, n := range strings.Fields(r.names) {
			switch {
			case n == "*":
				m.all, m.to = true, r.to
			case strings.HasSuffix(n, "*"):
				m.prefixes, m.to = append(m.prefixes, strings.TrimSuffix(n, "*")), r.to
			case strings.HasPrefix(n, "*"):
				m.suffixes, m.to = append(m.suffixes, strings.TrimPrefix(n, "*")), r.to
			default:
				from, as, ok := strings.Cut(n, "=")
				if !ok {
					as = from
				}
				m.exact[from] = r.to + "." + as
			}
		}
	}
	// Resolve chains once, so an exact hit is a single lookup with no
	// allocation at resolution time.
	for _, m := range reexports {
		for n, q := range m.exact {
			m.exact[n] = canonicalQualname(q)
		}
	}
}

// CanonicalQualname returns the canonical spelling of qualified name q: the
// public package that re-exports it when q names an object through its
// defining module (see reexportTable), else q itself. Names resolved by File
// are already canonical; rules can use this for names they build.
func CanonicalQualname(q string) string { return canonicalQualname(q) }

func canonicalQualname(q string) string {
	if len(q) == 0 || q[0] == '.' {
		return q // relative imports name the user's own package
	}
	for i := 0; i < 8; i++ {
		c, ok := reexportStep(q)
		if !ok {
			break
		}
		q = c
	}
	return q
}

// reexportStep applies one row to q = module.name.
func reexportStep(q string) (string, bool) {
	dot := strings.LastIndexByte(q, '.')
	if dot <= 0 {
		return "", false
	}
	m := reexports[q[:dot]]
	if m == nil {
		return "", false
	}
	name := q[dot+1:]
	if c, ok := m.exact[name]; ok {
		return c, true
	}
	if name == "" || name[0] == '_' {
		return "", false
	}
	match := m.all
	for _, p := range m.prefixes {
		match = match || strings.HasPrefix(name, p)
	}
	for _, s := range m.suffixes {
		match = match || strings.HasSuffix(name, s)
	}
	if !match {
		return "", false
	}
	return m.to + "." + name, true
}
