-- Drives dist/server.js with Neovim's built-in LSP client (works on Neovim 0.7+)
-- and prints one JSON line, prefixed with CABLE_RESULT=, to stdout.
-- Run by test/neovim/neovim.test.ts:
--   nvim --headless --clean -u NONE -c "luafile test/neovim/check.lua"
-- Inputs come from the environment:
--   CABLE_SERVER  path of dist/server.js
--   CABLE_FILE    the cable to open
--   CABLE_HOVER   "line:character" (0-based) to hover at; optional
--   CABLE_TIMEOUT milliseconds to wait for each step; optional (default 10000)

local result = { nvim = tostring(vim.version().major) .. '.' .. vim.version().minor .. '.' .. vim.version().patch, errors = {} }

local function finish(code)
  io.stdout:write('CABLE_RESULT=' .. vim.fn.json_encode(result) .. '\n')
  io.stdout:flush()
  vim.cmd((code == 0 and 'qall!' or ('cquit! ' .. code)))
end

local ok, err = pcall(function()
  local server = assert(os.getenv('CABLE_SERVER'), 'CABLE_SERVER is not set')
  local file = assert(os.getenv('CABLE_FILE'), 'CABLE_FILE is not set')
  local timeout = tonumber(os.getenv('CABLE_TIMEOUT') or '') or 10000

  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local bufnr = vim.api.nvim_get_current_buf()
  vim.bo[bufnr].filetype = 'cable'

  local published = nil
  local default_publish = vim.lsp.handlers['textDocument/publishDiagnostics']
  local initialized = false

  local client_id = vim.lsp.start_client({
    name = 'cable',
    cmd = { 'node', server, '--stdio' },
    cmd_env = { NODE_EXTRA_CA_CERTS = '' }, -- as the README shows: node skips the certificates
    root_dir = vim.fn.fnamemodify(file, ':p:h'),
    on_init = function() initialized = true end,
    on_exit = function(code, signal) result.exit = { code = code, signal = signal } end,
    handlers = {
      ['textDocument/publishDiagnostics'] = function(e, params, ctx, config)
        if params and params.uri == vim.uri_from_bufnr(bufnr) then published = params.diagnostics end
        return default_publish(e, params, ctx, config)
      end,
    },
  })
  assert(client_id, 'vim.lsp.start_client returned nil')
  assert(vim.lsp.buf_attach_client(bufnr, client_id), 'vim.lsp.buf_attach_client failed')

  result.initialized = vim.wait(timeout, function() return initialized end, 20)
  assert(result.initialized, 'the server did not initialise')

  local symbols = vim.lsp.buf_request_sync(bufnr, 'textDocument/documentSymbol',
    { textDocument = vim.lsp.util.make_text_document_params(bufnr) }, timeout)
  result.symbols = symbols and symbols[client_id] and symbols[client_id].result or vim.NIL

  local hover_at = os.getenv('CABLE_HOVER')
  if hover_at and hover_at ~= '' then
    local line, character = hover_at:match('^(%d+):(%d+)$')
    local hover = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover', {
      textDocument = vim.lsp.util.make_text_document_params(bufnr),
      position = { line = tonumber(line), character = tonumber(character) },
    }, timeout)
    result.hover = hover and hover[client_id] and hover[client_id].result or vim.NIL
  end

  result.published = vim.wait(timeout, function() return published ~= nil end, 20)
  result.publishedDiagnostics = published or vim.NIL
  local diagnostics = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    table.insert(diagnostics, { code = d.code, message = d.message, severity = d.severity, lnum = d.lnum, col = d.col })
  end
  result.diagnostics = diagnostics

  vim.lsp.stop_client(client_id)
  vim.wait(2000, function() return result.exit ~= nil end, 20)
end)

if not ok then
  table.insert(result.errors, tostring(err))
  finish(1)
else
  finish(0)
end
