# Reference values for libs/stats/src/lib/regression.spec.ts, printed by R's lm() on data sets that ship
# with R. Run from the repository root:
#   Rscript libs/stats/src/lib/reference/regression.R > libs/stats/src/lib/reference/regression-reference.json
# (R 4.2.2, Debian's r-base-core; MASS is a recommended package installed with it.) R is never a runtime
# dependency: only this script and the JSON it printed are kept.
suppressPackageStartupMessages(library(MASS))

num <- function(x) ifelse(is.na(x), "null", sprintf("%.17g", x))
arr <- function(x) paste0("[", paste(num(x), collapse = ", "), "]")

# One coefficient of a fitted lm: estimate, classical SE, t, two-sided p, 95% t-interval.
coef_json <- function(fit, name) {
  s <- summary(fit)$coefficients
  ci <- confint(fit, name, level = 0.95)
  sprintf('{"estimate": %s, "standardError": %s, "tStatistic": %s, "pValue": %s, "ci95": %s}',
          num(s[name, 1]), num(s[name, 2]), num(s[name, 3]), num(s[name, 4]), arr(ci[1, ]))
}

fit_json <- function(fit) {
  names <- rownames(summary(fit)$coefficients)
  sprintf('{"df": %d, "sigma": %s, "rss": %s, "coefficients": [%s]}',
          fit$df.residual, num(summary(fit)$sigma), num(sum(residuals(fit)^2)),
          paste(sapply(names, function(nm) coef_json(fit, nm)), collapse = ", "))
}

# ANCOVA: post ~ pre + treated (treated 1/0), the contract's model.
ancova_case <- function(label, source, pre, post, treated) {
  fit <- lm(post ~ pre + treated)
  sprintf('{"label": "%s", "source": "%s", "pre": %s, "post": %s, "treated": %s, "fit": %s, "treatedCoefficient": %s}',
          label, source, arr(pre), arr(post), arr(treated), fit_json(fit), coef_json(fit, "treated"))
}

# Simple regression y ~ x: the slope.
slope_case <- function(label, source, x, y) {
  fit <- lm(y ~ x)
  sprintf('{"label": "%s", "source": "%s", "x": %s, "y": %s, "intercept": %s, "slope": %s}',
          label, source, arr(x), arr(y), num(coef(fit)[1]), coef_json(fit, "x"))
}

# A general design matrix (several covariates).
ols_case <- function(label, source, X, y) {
  fit <- lm(y ~ X)
  rows <- paste(apply(cbind(1, X), 1, arr), collapse = ", ")
  sprintf('{"label": "%s", "source": "%s", "X": [%s], "y": %s, "fit": %s}', label, source, rows, arr(y), fit_json(fit))
}

an <- MASS::anorexia
cbt <- an[an$Treat %in% c("CBT", "Cont"), ]
ft <- an[an$Treat %in% c("FT", "Cont"), ]
tg <- datasets::ToothGrowth
mt <- datasets::mtcars
cars <- datasets::cars

ancova <- c(
  ancova_case("anorexia CBT vs control", "MASS::anorexia (Hand et al. 1994), Postwt ~ Prewt + (Treat == CBT)",
              cbt$Prewt, cbt$Postwt, as.numeric(cbt$Treat == "CBT")),
  ancova_case("anorexia family therapy vs control", "MASS::anorexia, Postwt ~ Prewt + (Treat == FT)",
              ft$Prewt, ft$Postwt, as.numeric(ft$Treat == "FT")),
  ancova_case("ToothGrowth orange juice vs ascorbic acid", "datasets::ToothGrowth, len ~ dose + (supp == OJ)",
              tg$dose, tg$len, as.numeric(tg$supp == "OJ")),
  ancova_case("mtcars manual vs automatic", "datasets::mtcars, mpg ~ wt + am",
              mt$wt, mt$mpg, mt$am)
)
slopes <- c(
  slope_case("cars stopping distance on speed", "datasets::cars, dist ~ speed", cars$speed, cars$dist),
  slope_case("anorexia weight change on baseline weight", "MASS::anorexia, (Postwt - Prewt) ~ Prewt", an$Prewt, an$Postwt - an$Prewt),
  slope_case("ToothGrowth length on dose", "datasets::ToothGrowth, len ~ dose", tg$dose, tg$len),
  slope_case("mtcars mpg on weight", "datasets::mtcars, mpg ~ wt", mt$wt, mt$mpg)
)
general <- c(
  ols_case("mtcars mpg on wt, hp, qsec", "datasets::mtcars, mpg ~ wt + hp + qsec", as.matrix(mt[, c("wt", "hp", "qsec")]), mt$mpg)
)

cat(sprintf('{\n"r": "%s",\n"ancova": [\n%s\n],\n"slopes": [\n%s\n],\n"ols": [\n%s\n]\n}\n',
            R.version.string, paste(ancova, collapse = ",\n"), paste(slopes, collapse = ",\n"), paste(general, collapse = ",\n")))
