// SPDX-License-Identifier: GPL-3.0-or-later
#include "server_task.hpp"

#include "formatting.hpp"

namespace samkoll::client {

bool ServerTask::begin()
{
    if (m_busy)
        return false;
    m_busy = true;
    m_message.clear();
    m_error.clear();
    m_errorField.clear();
    emit changed();
    return true;
}

void ServerTask::succeed(const QString& message)
{
    m_busy = false;
    m_message = message;
    m_error.clear();
    m_errorField.clear();
    emit changed();
}

void ServerTask::fail(const QString& field, const QString& error)
{
    m_busy = false;
    m_message.clear();
    m_error = error;
    m_errorField = field;
    emit changed();
}

void ServerTask::fail(const core::Error& error)
{
    fail(QString::fromStdString(error.field), errorText(error));
}

}  // namespace samkoll::client
