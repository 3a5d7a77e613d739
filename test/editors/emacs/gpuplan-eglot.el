;;; gpuplan with eglot (Emacs 28, eglot 1.9): add to your init.el. Run `npm run build` in the
;;; gpuplan checkout first.
(require 'eglot)

(define-derived-mode gpuplan-mode js-mode "gpuplan"
  "Major mode for gpuplan plans (*.gpuplan.json); eglot names the language \"gpuplan\"."
  ;; Formatting follows these: two spaces, as in the examples.
  (setq-local indent-tabs-mode nil)
  (setq-local tab-width 2)
  (setq-local js-indent-level 2))
(add-to-list 'auto-mode-alist '("\\.gpuplan\\.json\\'" . gpuplan-mode))

(defvar gpuplan-server
  (or (getenv "GPUPLAN_SERVER") (expand-file-name "~/src/gpuplan/dist/server.js")))
(add-to-list 'eglot-server-programs
             `(gpuplan-mode . ("node" ,gpuplan-server "--stdio")))

;; Answered to the server's workspace/configuration (section "gpuplan"); as a directory-local
;; variable it can differ per project.
(setq-default eglot-workspace-configuration
              '(:gpuplan (:validation (:delayMs 100)
                          :rules (:page-budget "information")
                          :abbreviations (:allowlist ["KISTI"]))))

(add-hook 'gpuplan-mode-hook #'eglot-ensure)
