;;; A batch Emacs session with the gpuplan recipe, as a user would use it:
;;;   emacs --batch -l session.el
;;; with GPUPLAN_SERVER, GPUPLAN_PLAN (a copy of the mistakes example), GPUPLAN_RESULT and
;;; GPUPLAN_RECIPE (gpuplan-eglot.el). Every check is recorded as JSON, then Emacs exits.
(require 'package)
(package-initialize)
(require 'json)
(require 'cl-lib)
(load (getenv "GPUPLAN_RECIPE"))

(defvar session-results nil)
(defun session-record (name ok &optional detail)
  (push `((name . ,name) (ok . ,(if ok t :json-false)) (detail . ,(format "%s" (or detail "")))) session-results))

(defun wait-until (predicate &optional seconds)
  (let ((deadline (+ (float-time) (or seconds 20))))
    (while (and (not (funcall predicate)) (< (float-time) deadline))
      (accept-process-output nil 0.05))
    (funcall predicate)))

(defun pos-of (needle)
  (save-excursion (goto-char (point-min)) (search-forward needle) (match-beginning 0)))

(defun diags-with (pattern)
  (cl-remove-if-not (lambda (d) (string-match-p pattern (flymake-diagnostic-text d))) (flymake-diagnostics)))

(defun choose-action (pattern thunk)
  "Run THUNK, answering eglot's completing-read with the first title matching PATTERN."
  (cl-letf (((symbol-function 'y-or-n-p) (lambda (&rest _) t)) ; "Server wants to edit … Proceed?" y
            ((symbol-function 'completing-read)
             (lambda (_prompt collection &rest _)
               (let ((titles (mapcar (lambda (c) (if (consp c) (car c) c)) collection)))
                 (or (cl-find-if (lambda (title) (string-match-p pattern title)) titles) (car titles))))))
    ;; As from the keyboard (M-x): eglot then asks with completing-read, not a popup menu.
    (let ((last-nonmenu-event ?\r))
      (funcall thunk))))

(condition-case err
    (progn
      (find-file (getenv "GPUPLAN_PLAN"))
      (session-record "major mode gpuplan-mode" (eq major-mode 'gpuplan-mode) major-mode)
      ;; eglot-ensure connects after the next command.
      (run-hooks 'post-command-hook)
      (session-record "eglot connected" (wait-until (lambda () (bound-and-true-p eglot--managed-mode)) 30))
      (session-record "diagnostics arrive" (wait-until (lambda () (> (length (flymake-diagnostics)) 5)) 30) (length (flymake-diagnostics)))
      (let ((vague (car (diags-with "\\[vague-expression\\]"))))
        (session-record "diagnostic after Hangul at the right place"
                (and vague (= (flymake-diagnostic-beg vague) (pos-of "추진할 수도 있음"))
                     (= (flymake-diagnostic-end vague) (+ (pos-of "추진할 수도 있음") (length "추진할 수도 있음"))))
                (and vague (list (flymake-diagnostic-beg vague) (pos-of "추진할 수도 있음")))))
      (let ((reg (car (diags-with "\\[registration-number-checksum\\]"))))
        (session-record "diagnostic of a number at the right place"
                (and reg (= (flymake-diagnostic-beg reg) (pos-of "\"214-86-47313\""))
                     (= (flymake-diagnostic-end reg) (+ (pos-of "\"214-86-47313\"") 14)))
                (and reg (list (flymake-diagnostic-beg reg) (pos-of "\"214-86-47313\"")))))
      (let ((page (car (diags-with "\\[page-budget\\]"))))
        (session-record "settings from workspace/configuration apply (page-budget as information)"
                (and page (eq (flymake-diagnostic-type page) 'eglot-note)) (and page (flymake-diagnostic-type page))))
      ;; Hover (what eldoc shows).
      (goto-char (+ (pos-of "\"servers\": 20") 12))
      (let* ((hover (jsonrpc-request (eglot--current-server-or-lose) :textDocument/hover (eglot--TextDocumentPositionParams)))
             (contents (plist-get hover :contents))
             (value (plist-get contents :value)))
        (session-record "hover: plain text for eglot without markdown-mode" (equal (plist-get contents :kind) "plaintext") (plist-get contents :kind))
        (session-record "hover: label, problem, range, amount, no markdown"
                (and (string-match-p "서버 수" value) (string-match-p "gpu-servers-range" value) (string-match-p "허용 범위" value)
                     (string-match-p "1,664,000,000원" value) (not (string-match-p "\\\\" value)))
                value)
        (session-record "hover: within 12 lines" (<= (length (split-string value "\n")) 12) (length (split-string value "\n"))))
      ;; Completion: keys in the form's order, plain text without yasnippet.
      (let* ((scratch (expand-file-name "complete.gpuplan.json" (file-name-directory (getenv "GPUPLAN_PLAN"))))
             (_ (with-temp-file scratch (insert "{\n  \"gpu\": {\n    \n  }\n}\n")))
             (_ (find-file scratch))
             (_ (run-hooks 'post-command-hook))
             (_ (wait-until (lambda () (bound-and-true-p eglot--managed-mode)) 20))
             (_ (progn (goto-char (point-min)) (forward-line 2) (end-of-line)))
             (result (jsonrpc-request (eglot--current-server-or-lose) :textDocument/completion (eglot--TextDocumentPositionParams)))
             (items (append (if (vectorp result) result (plist-get result :items)) nil))
             (texts (mapconcat (lambda (i) (or (plist-get (plist-get i :textEdit) :newText) (plist-get i :insertText) "")) items "|")))
        (session-record "completion: keys in the form's order, no snippet syntax"
                (and (equal (mapcar (lambda (i) (plist-get i :label))
                                    (sort (cl-remove-if-not (lambda (i) (eql (plist-get i :kind) 10)) items)
                                          (lambda (a b) (string< (plist-get a :sortText) (plist-get b :sortText)))))
                            '("type" "servers" "months"))
                     (not (string-match-p "\\${" texts)))
                texts)
        (find-file (getenv "GPUPLAN_PLAN")))
      ;; A quick fix, applied by the server through workspace/applyEdit.
      (goto-char (+ (pos-of "\"servers\": 20") 12))
      (choose-action "16" (lambda () (eglot-code-actions (point) (1+ (point)) nil t)))
      (session-record "quick fix applied" (wait-until (lambda () (save-excursion (goto-char (point-min)) (search-forward "\"servers\": 16" nil t))) 10))
      ;; Fix-all.
      (choose-action "." (lambda () (eglot-code-actions (point-min) (point-max) "source.fixAll" t)))
      (session-record "fix-all applied" (wait-until (lambda () (save-excursion (goto-char (point-min)) (search-forward "\"servers\": 16,\n    \"months\": 12" nil t))) 10) (buffer-substring (pos-of "\"gpu\": {") (+ (pos-of "\"gpu\": {") 80)))
;; eglot sends the change when Emacs is idle (eglot-send-changes-idle-time); a batch
      ;; session is never idle, so send it as the idle timer would.
      (eglot--signal-textDocument/didChange)
      (wait-until (lambda () (null (diags-with "\\[gpu-months-range\\]"))) 10)
      (session-record "fix-all leaves no copayment-mismatch" (wait-until (lambda () (null (diags-with "\\[copayment-mismatch\\]"))) 10) (mapcar #'flymake-diagnostic-text (diags-with "\\[copayment-mismatch\\]")))
      ;; Formatting with spaces.
      (let ((scratch (expand-file-name "format.gpuplan.json" (file-name-directory (getenv "GPUPLAN_PLAN")))))
        (with-temp-file scratch (insert "{\"gpu\":{\"type\":\"H200\",\"servers\":4,\"months\":6}}"))
        (find-file scratch)
        (run-hooks 'post-command-hook)
        (wait-until (lambda () (bound-and-true-p eglot--managed-mode)) 20)
        (eglot-format-buffer)
        (let ((text (buffer-string)))
          (session-record "formatting with two spaces" (and (string-match-p "^  \"gpu\": {$" text) (string-match-p "^    \"type\": \"H200\",$" text) (not (string-match-p "\t" text))) text))))
  (error (session-record "session ran without a Lisp error" nil err)))

(with-temp-file (getenv "GPUPLAN_RESULT")
  (insert (json-encode `((emacs . ,emacs-version) (results . ,(vconcat (reverse session-results)))))))
(kill-emacs 0)
