namespace ConsentPlatform.Hosting.Json;

/// <summary>
/// Reads every JSON string of a request body (property values, list entries, dictionary keys)
/// through <see cref="FreeText"/>'s rule. Why here and not in each validator: it is the one
/// place every text field of every service passes, including fields added later, so no
/// validator can forget it; and the serializer knows the field's path, which
/// <see cref="Problems.PlatformExceptionHandler"/> turns into a 400 naming the field
/// (<c>parties[0].name</c>). The price: such a body is refused at the first bad string, before
/// the per-field validation that would list every other error too.
/// </summary>
public sealed class FreeTextConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Checked(ref reader);

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value);
    }

    public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Checked(ref reader)!;

    public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WritePropertyName(value);
    }

    private static string? Checked(ref Utf8JsonReader reader)
    {
        // A number or an object where a string belongs: GetString's own error, the usual "wrong type".
        if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.PropertyName)) return reader.GetString();

        string? value;
        try
        {
            value = reader.GetString();
        }
        catch (InvalidOperationException)
        {
            // An escaped lone surrogate ("\ud800") or bytes that are not UTF-8: not text.
            throw new RefusedTextException();
        }

        return value is not null && !FreeText.IsAcceptable(value) ? throw new RefusedTextException() : value;
    }
}

/// <summary>A string in a request body that breaks <see cref="FreeText"/>'s rule; the serializer adds the path.</summary>
public sealed class RefusedTextException : JsonException
{
    public RefusedTextException()
        : base(FreeText.Requirement)
    {
    }

    public RefusedTextException(string message)
        : base(message)
    {
    }

    public RefusedTextException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
