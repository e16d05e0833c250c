/// The kinds of third-party integration the G3 metrics judge, as task specs name them.
enum IntegrationKind: String, CaseIterable, Sendable, Comparable {
    case payments, email, sms, storage, ai

    static func < (a: IntegrationKind, b: IntegrationKind) -> Bool { a.rawValue < b.rawValue }

    var label: String {
        switch self {
        case .payments: "payments"
        case .email: "email"
        case .sms: "SMS"
        case .storage: "file storage"
        case .ai: "AI model"
        }
    }

    /// Maps a task spec's integration name ("email", "payments", "ai", …) to a kind.
    static func fromSpec(_ s: String) -> IntegrationKind? {
        switch s.lowercased().trimmingCharacters(in: .whitespaces) {
        case "payments", "payment", "billing", "checkout", "stripe", "subscriptions": .payments
        case "email", "emails", "mail", "notifications-email", "transactional-email": .email
        case "sms", "whatsapp", "text-messages", "twilio": .sms
        case "storage", "uploads", "upload", "files", "file-storage", "file-uploads": .storage
        case "ai", "llm", "openai", "model", "ai-model": .ai
        default: nil
        }
    }
}

/// How a provider is meant to be used.
enum ProviderUsage: Sendable {
    /// A secret-key SDK or API: real only when called from the server.
    case server
    /// Built for the browser with public keys, but settles nothing the app can trust on its own
    /// (Stripe.js, EmailJS, payment links).
    case browser
    /// A client SDK whose server side enforces access (Supabase and Firebase Storage): real anywhere.
    case baas
}

struct Provider: Sendable {
    var name: String
    var kind: IntegrationKind
    var usage: ProviderUsage
}

/// Known providers by npm package, Python module and API host.
enum IntegrationCatalog {
    private static func p(_ name: String, _ kind: IntegrationKind, _ usage: ProviderUsage = .server) -> Provider {
        Provider(name: name, kind: kind, usage: usage)
    }

    static let packages: [String: Provider] = {
        var m: [String: Provider] = [:]
        func add(_ names: [String], _ pr: Provider) { for n in names { m[n] = pr } }
        add(["stripe"], p("Stripe", .payments))
        add(["@stripe/stripe-js", "@stripe/react-stripe-js"], p("Stripe.js", .payments, .browser))
        add(["@paddle/paddle-node-sdk"], p("Paddle", .payments))
        add(["@paddle/paddle-js"], p("Paddle.js", .payments, .browser))
        add(["@lemonsqueezy/lemonsqueezy.js"], p("Lemon Squeezy", .payments))
        add(["razorpay"], p("Razorpay", .payments))
        add(["@paypal/checkout-server-sdk", "@paypal/paypal-server-sdk"], p("PayPal", .payments))
        add(["@paypal/react-paypal-js", "@paypal/paypal-js"], p("PayPal JS SDK", .payments, .browser))
        add(["braintree"], p("Braintree", .payments))
        add(["square"], p("Square", .payments))
        add(["@mollie/api-client"], p("Mollie", .payments))
        add(["@polar-sh/sdk"], p("Polar", .payments))
        add(["cashfree-pg"], p("Cashfree", .payments))
        add(["resend"], p("Resend", .email))
        add(["@sendgrid/mail", "@sendgrid/client"], p("SendGrid", .email))
        add(["postmark"], p("Postmark", .email))
        add(["nodemailer"], p("Nodemailer", .email))
        add(["@aws-sdk/client-ses", "@aws-sdk/client-sesv2"], p("Amazon SES", .email))
        add(["mailgun.js", "mailgun-js"], p("Mailgun", .email))
        add(["@mailchimp/mailchimp_transactional"], p("Mandrill", .email))
        add(["@getbrevo/brevo", "sib-api-v3-sdk"], p("Brevo", .email))
        add(["node-mailjet"], p("Mailjet", .email))
        add(["@plunk/node"], p("Plunk", .email))
        add(["@emailjs/browser", "emailjs-com", "@emailjs/react-native"], p("EmailJS", .email, .browser))
        add(["twilio"], p("Twilio", .sms))
        add(["@vonage/server-sdk"], p("Vonage", .sms))
        add(["messagebird"], p("MessageBird", .sms))
        add(["@aws-sdk/client-sns"], p("Amazon SNS", .sms))
        add(["plivo"], p("Plivo", .sms))
        add(["telnyx"], p("Telnyx", .sms))
        add(["@aws-sdk/client-s3", "@aws-sdk/s3-request-presigner", "@aws-sdk/lib-storage", "@aws-sdk/s3-presigned-post"], p("Amazon S3", .storage))
        add(["@google-cloud/storage"], p("Google Cloud Storage", .storage))
        add(["cloudinary"], p("Cloudinary", .storage))
        add(["@vercel/blob"], p("Vercel Blob", .storage))
        add(["uploadthing"], p("UploadThing", .storage))
        add(["@uploadthing/react"], p("UploadThing React", .storage, .browser))
        add(["minio"], p("MinIO", .storage))
        add(["@azure/storage-blob"], p("Azure Blob Storage", .storage))
        add(["openai"], p("OpenAI", .ai))
        add(["@anthropic-ai/sdk"], p("Anthropic", .ai))
        add(["@google/generative-ai", "@google/genai", "@google-cloud/vertexai"], p("Google Gemini", .ai))
        add(["groq-sdk"], p("Groq", .ai))
        add(["ai"], p("Vercel AI SDK", .ai))
        add(["@ai-sdk/openai", "@ai-sdk/anthropic", "@ai-sdk/google", "@ai-sdk/groq", "@ai-sdk/mistral", "@ai-sdk/openai-compatible",
             "@ai-sdk/amazon-bedrock", "@ai-sdk/azure", "@ai-sdk/xai", "@ai-sdk/deepseek", "@openrouter/ai-sdk-provider"], p("Vercel AI SDK", .ai))
        add(["@mistralai/mistralai"], p("Mistral", .ai))
        add(["cohere-ai"], p("Cohere", .ai))
        add(["replicate"], p("Replicate", .ai))
        add(["together-ai"], p("Together AI", .ai))
        add(["langchain", "@langchain/openai", "@langchain/anthropic", "@langchain/google-genai", "@langchain/core"], p("LangChain", .ai))
        add(["@huggingface/inference"], p("Hugging Face", .ai))
        add(["ollama"], p("Ollama", .ai))
        add(["@aws-sdk/client-bedrock-runtime"], p("Amazon Bedrock", .ai))
        return m
    }()

    /// Python top-level modules ("/"-joined as the import rule reports them).
    static let pythonModules: [String: Provider] = {
        var m: [String: Provider] = [:]
        func add(_ names: [String], _ pr: Provider) { for n in names { m[n] = pr } }
        add(["stripe"], p("Stripe", .payments))
        add(["razorpay"], p("Razorpay", .payments))
        add(["paypalrestsdk"], p("PayPal", .payments))
        add(["sendgrid"], p("SendGrid", .email))
        add(["resend"], p("Resend", .email))
        add(["postmarker"], p("Postmark", .email))
        add(["smtplib", "aiosmtplib", "yagmail"], p("SMTP", .email))
        add(["flask_mail"], p("Flask-Mail", .email))
        add(["fastapi_mail"], p("FastAPI-Mail", .email))
        add(["django/core/mail"], p("Django mail", .email))
        add(["twilio"], p("Twilio", .sms))
        add(["vonage"], p("Vonage", .sms))
        add(["cloudinary"], p("Cloudinary", .storage))
        add(["google/cloud/storage"], p("Google Cloud Storage", .storage))
        add(["openai"], p("OpenAI", .ai))
        add(["anthropic"], p("Anthropic", .ai))
        add(["google/generativeai", "google/genai"], p("Google Gemini", .ai))
        add(["groq"], p("Groq", .ai))
        add(["mistralai"], p("Mistral", .ai))
        add(["cohere"], p("Cohere", .ai))
        add(["replicate"], p("Replicate", .ai))
        add(["litellm"], p("LiteLLM", .ai))
        add(["langchain", "langchain_openai", "langchain_anthropic"], p("LangChain", .ai))
        return m
    }()

    /// The provider a module reference names, if any.
    static func provider(_ ref: ModuleRef, package: String, python: Bool) -> Provider? {
        if python {
            if let pr = pythonModules[package] { return pr }
            for (k, v) in pythonModules where package.hasPrefix(k + "/") { return v }
            return nil
        }
        let full = ref.fullPath
        if full == "firebase/storage" || full.hasPrefix("firebase/storage") { return p("Firebase Storage", .storage, .baas) }
        if full.hasPrefix("firebase-admin/storage") { return p("Firebase Storage", .storage) }
        if package == "ai" && (full.hasPrefix("ai/react") || full.hasPrefix("ai/svelte") || full.hasPrefix("ai/vue")) { return nil }
        if package == "uploadthing" && (full.hasPrefix("uploadthing/client") || full.hasPrefix("uploadthing/types")) { return nil }
        return packages[package]
    }

    /// Third-party API hosts, matched inside string literals. Object-storage hosts (S3, R2, GCS, Vercel
    /// Blob) are left out: their URLs are mostly public asset links, and their SDKs are found by import.
    static let hosts: [(host: String, provider: Provider)] = [
        ("api.stripe.com", p("Stripe", .payments)),
        ("buy.stripe.com", p("Stripe Payment Links", .payments, .browser)),
        ("js.stripe.com", p("Stripe.js", .payments, .browser)),
        ("api.paddle.com", p("Paddle", .payments)),
        ("api.lemonsqueezy.com", p("Lemon Squeezy", .payments)),
        ("api.razorpay.com", p("Razorpay", .payments)),
        ("checkout.razorpay.com", p("Razorpay Checkout", .payments, .browser)),
        ("api-m.paypal.com", p("PayPal", .payments)),
        ("api-m.sandbox.paypal.com", p("PayPal", .payments)),
        ("www.paypal.com/sdk", p("PayPal JS SDK", .payments, .browser)),
        ("api.paystack.co", p("Paystack", .payments)),
        ("api.flutterwave.com", p("Flutterwave", .payments)),
        ("api.mollie.com", p("Mollie", .payments)),
        ("api.cashfree.com", p("Cashfree", .payments)),
        ("api.resend.com", p("Resend", .email)),
        ("api.sendgrid.com", p("SendGrid", .email)),
        ("api.postmarkapp.com", p("Postmark", .email)),
        ("api.mailgun.net", p("Mailgun", .email)),
        ("api.eu.mailgun.net", p("Mailgun", .email)),
        ("api.brevo.com", p("Brevo", .email)),
        ("api.sendinblue.com", p("Brevo", .email)),
        ("api.mailjet.com", p("Mailjet", .email)),
        ("api.loops.so", p("Loops", .email)),
        ("api.emailjs.com", p("EmailJS", .email, .browser)),
        ("formspree.io", p("Formspree", .email, .browser)),
        ("api.web3forms.com", p("Web3Forms", .email, .browser)),
        ("api.twilio.com", p("Twilio", .sms)),
        ("rest.nexmo.com", p("Vonage", .sms)),
        ("api.nexmo.com", p("Vonage", .sms)),
        ("api.msg91.com", p("MSG91", .sms)),
        ("control.msg91.com", p("MSG91", .sms)),
        ("api.textlocal.in", p("Textlocal", .sms)),
        ("api.plivo.com", p("Plivo", .sms)),
        ("api.telnyx.com", p("Telnyx", .sms)),
        ("api.cloudinary.com", p("Cloudinary", .storage, .baas)),
        ("api.openai.com", p("OpenAI", .ai)),
        ("api.anthropic.com", p("Anthropic", .ai)),
        ("generativelanguage.googleapis.com", p("Google Gemini", .ai)),
        ("api.groq.com", p("Groq", .ai)),
        ("openrouter.ai/api", p("OpenRouter", .ai)),
        ("api.mistral.ai", p("Mistral", .ai)),
        ("api.together.xyz", p("Together AI", .ai)),
        ("api.replicate.com", p("Replicate", .ai)),
        ("ai.gateway.lovable.dev", p("Lovable AI Gateway", .ai)),
        ("api.perplexity.ai", p("Perplexity", .ai)),
        ("api.deepseek.com", p("DeepSeek", .ai)),
        ("api.cohere.ai", p("Cohere", .ai)),
        ("api.cohere.com", p("Cohere", .ai)),
        ("api-inference.huggingface.co", p("Hugging Face", .ai)),
        ("router.huggingface.co", p("Hugging Face", .ai)),
        ("api.x.ai", p("xAI", .ai)),
        ("api.fireworks.ai", p("Fireworks", .ai)),
    ]

    static func hostRule(_ id: String) -> PatternRule {
        PatternRule(id: id, literals: hosts.map(\.host), caseSensitive: false, regions: .string,
                    regexEquivalent: #"(?i)["'`][^"'`]*("# + hosts.map { $0.host.replacingOccurrences(of: ".", with: #"\."#) }.joined(separator: "|") + #")"#)
    }

    /// The provider of a host hit (the literal the hit matched), if the host is not part of a longer host name.
    static func hostProvider(_ f: ScannedFile, hit: RuleHit) -> (host: String, provider: Provider)? {
        let b = f.bytes
        let o = Int(hit.offset)
        let lit = String(decoding: b[o..<(o + Int(hit.length))], as: UTF8.self).lowercased()
        guard let entry = hosts.first(where: { $0.host == lit }) else { return nil }
        // The host must start the URL: right after the opening quote, after `https://`/`http://`/`//`,
        // or (for bucket hosts) after `https://<bucket>.`; hosts listed in prose or a CSP are not calls.
        var s = o
        while s > 0 && f.kind(at: s - 1) == .string && b[s - 1] != 0x22 && b[s - 1] != 0x27 && b[s - 1] != 0x60 { s -= 1 }
        let prefix = f.string(s..<o).lowercased()
        guard ["", "https://", "http://", "//", "wss://"].contains(prefix) else { return nil }
        return entry
    }
}
