# frozen_string_literal: true

# OpenCX widget v5 (pinned to 5.0.0): mint a contact token for the signed-in user.
# Server only (Ruby 3.1+, standard library): OPENCX_API_KEY comes from the environment and never reaches a browser.
require 'json'
require 'net/http'

# Calls POST /widget/authenticate-user for the signed-in user and returns their contact token.
# Send only this token to that user's browser, where it becomes the widget's user.token.
# email is that user's email from your session, never one the browser sends.
def opencx_contact_token(email)
  raise ArgumentError, 'opencx_contact_token needs the email of the signed-in user' if email.to_s.empty?

  api_key = ENV.fetch('OPENCX_API_KEY', '')
  raise 'OPENCX_API_KEY is not set' if api_key.empty?

  api_url = ENV.fetch('OPENCX_API_URL', '')
  api_url = 'https://api.open.cx' if api_url.empty?

  # Sample values from the playground: build the rest of the body from the signed-in user's
  # data (your session), never from anything the browser sends.
  # mcp_access turns on personal connections (widget v5): the user can connect their own accounts.
  # A token minted with it expires after one hour, so the page fetches a new one before then.
  # Leave mcp_access out for a chat-only token that does not expire. {} allows every per-user
  # server enabled in your organisation; server_ids: [...] only those ([] none); account_id names
  # the account or workspace the user is acting in, for products where users switch between them.
  # Decide server_ids and account_id from your own server-side state, never from the browser.
  body = {
    'email' => email,
    'customData' => { 'plan' => 'enterprise' },
    'mcp_access' => {
      'server_ids' => ['github', 'srv_calendar'],
      'account_id' => 'acct_42'
    }
  }

  uri = URI("#{api_url}/widget/authenticate-user")
  request = Net::HTTP::Post.new(uri)
  request['Authorization'] = "Bearer #{api_key}"
  request['Content-Type'] = 'application/json'
  request.body = JSON.generate(body)
  options = { use_ssl: uri.scheme == 'https', open_timeout: 10, read_timeout: 10 }
  response = Net::HTTP.start(uri.host, uri.port, **options) { |http| http.request(request) }
  raise "OpenCX authenticate-user failed: HTTP #{response.code}" unless response.is_a?(Net::HTTPSuccess)

  # The response also has contact.id; the browser needs only the token.
  JSON.parse(response.body).fetch('token')
end

# Run directly, it prints that user's token: ruby opencx_contact_token.rb <email>
# (a quick check of your key and the body, e.g. against the playground's sandbox).
if $PROGRAM_NAME == __FILE__
  abort 'Usage: ruby opencx_contact_token.rb <email>' if ARGV.length != 1 || ARGV.first.empty?
  begin
    puts opencx_contact_token(ARGV.first)
  rescue StandardError => e
    abort e.message
  end
end
