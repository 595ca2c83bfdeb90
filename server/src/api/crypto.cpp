// SPDX-License-Identifier: GPL-3.0-or-later
#include "crypto.hpp"

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <cstdio>
#include <ctime>
#include <memory>
#include <stdexcept>
#include <sys/stat.h>
#include <vector>

namespace samkoll::server {

namespace {
std::string hex(const unsigned char* data, std::size_t n)
{
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    out.reserve(n * 2);
    for (std::size_t i = 0; i < n; ++i) {
        out.push_back(kHex[data[i] >> 4]);
        out.push_back(kHex[data[i] & 0xF]);
    }
    return out;
}
}  // namespace

std::string sha256Hex(std::string_view data)
{
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    EVP_Digest(data.data(), data.size(), digest, &len, EVP_sha256(), nullptr);
    return hex(digest, len);
}

std::string randomHex(int bytes)
{
    std::vector<unsigned char> buf(static_cast<std::size_t>(bytes));
    if (RAND_bytes(buf.data(), bytes) != 1)
        throw std::runtime_error("slumptalsgeneratorn svarar inte");
    return hex(buf.data(), buf.size());
}

std::string randomEnrolmentCode()
{
    static constexpr char kAlphabet[] = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";  // no I, L, O, 0, 1
    unsigned char buf[12];
    if (RAND_bytes(buf, sizeof buf) != 1)
        throw std::runtime_error("slumptalsgeneratorn svarar inte");
    std::string code;
    for (int i = 0; i < 12; ++i) {
        if (i > 0 && i % 4 == 0)
            code.push_back('-');
        code.push_back(kAlphabet[buf[i] % (sizeof kAlphabet - 1)]);
    }
    return code;
}

std::string normaliseEnrolmentCode(std::string_view typed)
{
    std::string out;
    for (char c : typed) {
        if (c == '-' || c == ' ')
            continue;
        out.push_back(c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c);
    }
    return out;
}

void writeSelfSignedCertificate(const std::string& certFile, const std::string& keyFile, const std::string& host, int days)
{
    std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(EVP_EC_gen("P-256"), EVP_PKEY_free);
    if (!key)
        throw std::runtime_error("kan inte skapa en nyckel");
    std::unique_ptr<X509, decltype(&X509_free)> cert(X509_new(), X509_free);
    X509_set_version(cert.get(), 2);
    ASN1_INTEGER_set(X509_get_serialNumber(cert.get()), static_cast<long>(std::time(nullptr)));
    X509_gmtime_adj(X509_getm_notBefore(cert.get()), 0);
    X509_gmtime_adj(X509_getm_notAfter(cert.get()), 60L * 60 * 24 * days);
    X509_set_pubkey(cert.get(), key.get());
    X509_NAME* name = X509_get_subject_name(cert.get());
    X509_NAME_add_entry_by_txt(name, "O", MBSTRING_UTF8, reinterpret_cast<const unsigned char*>("Samkoll"), -1, -1, 0);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8, reinterpret_cast<const unsigned char*>(host.c_str()), -1, -1, 0);
    X509_set_issuer_name(cert.get(), name);
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, cert.get(), cert.get(), nullptr, nullptr, 0);
    const bool ip = host.find_first_not_of("0123456789.") == std::string::npos || host.find(':') != std::string::npos;
    const std::string san = (ip ? "IP:" : "DNS:") + host + (host != "localhost" ? ",DNS:localhost" : "") +
                            (host != "127.0.0.1" ? ",IP:127.0.0.1" : "");
    if (X509_EXTENSION* ext = X509V3_EXT_conf_nid(nullptr, &ctx, NID_subject_alt_name, san.c_str())) {
        X509_add_ext(cert.get(), ext, -1);
        X509_EXTENSION_free(ext);
    }
    if (X509_EXTENSION* ext = X509V3_EXT_conf_nid(nullptr, &ctx, NID_basic_constraints, "critical,CA:TRUE")) {
        X509_add_ext(cert.get(), ext, -1);
        X509_EXTENSION_free(ext);
    }
    if (X509_sign(cert.get(), key.get(), EVP_sha256()) == 0)
        throw std::runtime_error("kan inte signera certifikatet");

    const mode_t old = umask(077);  // the key is readable by its owner only
    FILE* kf = std::fopen(keyFile.c_str(), "wb");
    // fopen keeps the mode of a file that exists: an old 0644 key stays 0644 unless fixed.
    if (kf)
        (void)fchmod(fileno(kf), 0600);
    umask(old);
    if (!kf)
        throw std::runtime_error("kan inte skriva nyckeln " + keyFile);
    PEM_write_PrivateKey(kf, key.get(), nullptr, nullptr, 0, nullptr, nullptr);
    std::fclose(kf);
    FILE* cf = std::fopen(certFile.c_str(), "wb");
    if (!cf)
        throw std::runtime_error("kan inte skriva certifikatet " + certFile);
    PEM_write_X509(cf, cert.get());
    std::fclose(cf);
}

}  // namespace samkoll::server
