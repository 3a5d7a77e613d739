-- gpuplan in Neovim 0.7 (init.lua). Run `npm run build` in the gpuplan checkout first.
local server = vim.env.GPUPLAN_SERVER or vim.fn.expand('~/src/gpuplan/dist/server.js')
local settings = {
  validation = { delayMs = 100 },
  rules = { ['page-budget'] = 'information' },
  abbreviations = { allowlist = { 'KISTI' } },
}

vim.cmd([[autocmd BufRead,BufNewFile *.gpuplan.json set filetype=gpuplan]])

local client_id
vim.api.nvim_create_autocmd('FileType', {
  pattern = 'gpuplan',
  callback = function(args)
    -- Formatting follows these: two spaces, as in the examples.
    vim.bo[args.buf].expandtab = true
    vim.bo[args.buf].shiftwidth = 2
    vim.bo[args.buf].omnifunc = 'v:lua.vim.lsp.omnifunc'
    if not client_id or vim.lsp.client_is_stopped(client_id) then
      client_id = vim.lsp.start_client({
        name = 'gpuplan',
        cmd = { 'node', server, '--stdio' },
        root_dir = vim.fn.getcwd(),
        -- Neovim 0.7 does not answer workspace/configuration: the settings go in initializationOptions.
        init_options = { settings = settings },
        -- Messages are Korean unless the client asks for English.
        before_init = function(params) params.locale = 'ko' end, -- or 'en'
      })
    end
    vim.lsp.buf_attach_client(args.buf, client_id)
  end,
})
